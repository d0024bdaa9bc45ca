import { hashOf } from './hashEntity';
import { group, readResult, user } from '../__testUtils__/sourceData';
import {
  planSync,
  type PlanInput,
  type PreviousEntry,
  type SyncPlan,
} from './planSync';

const safety = { maxRemovalShare: 0.1, allowEmpty: false };

function input(overrides: Partial<PlanInput>): PlanInput {
  return {
    providerId: 'corp',
    namespace: 'default',
    merge: { users: ['email'], groups: [] },
    safety,
    reads: [],
    previous: new Map(),
    inheritedNames: new Map(),
    reservedRefs: new Set(),
    ...overrides,
  };
}

/** The previous set that a plan would leave behind, for chaining runs. */
function committed(plan: SyncPlan): Map<string, PreviousEntry> {
  return new Map(
    plan.entities.map(e => [
      e.ref,
      {
        kind: e.entity.kind as 'User' | 'Group',
        name: e.entity.metadata.name,
        hash: hashOf(e),
        keys: e.keys,
      },
    ]),
  );
}

const people = (n: number) =>
  Array.from({ length: n }, (_, i) => user(`u${i}`, { name: `person${i}` }));

describe('planSync', () => {
  it('builds users and nested groups with memberships from both sides', async () => {
    const plan = await planSync(
      input({
        reads: [
          {
            type: 'ldap',
            id: 'main',
            result: readResult(
              [
                user('1', {
                  name: 'ada',
                  memberOf: ['g-sre'],
                  displayName: 'Ada',
                }),
                user('2', { name: 'bob' }),
              ],
              [
                group('g-eng', { name: 'engineering', children: ['g-plat'] }),
                group('g-plat', { name: 'platform-team' }),
                group('g-sre', {
                  name: 'sre',
                  parents: ['g-plat'],
                  members: ['2'],
                }),
              ],
            ),
          },
        ],
      }),
    );
    expect(plan.outcome).toBe('committed');
    const byRef = new Map(plan.entities.map(e => [e.ref, e.entity]));
    expect(byRef.get('user:default/ada')!.spec).toEqual({
      profile: { displayName: 'Ada' },
      memberOf: ['group:default/sre'],
    });
    expect(byRef.get('group:default/sre')!.spec).toMatchObject({
      parent: 'group:default/platform-team',
      members: ['user:default/ada', 'user:default/bob'],
    });
    expect(byRef.get('group:default/engineering')!.spec).toMatchObject({
      children: ['group:default/platform-team'],
    });
    expect(byRef.get('group:default/platform-team')!.spec).toMatchObject({
      parent: 'group:default/engineering',
      children: ['group:default/sre'],
    });
  });

  it('merges one person seen by two sources into one User with both sources’ annotations', async () => {
    const plan = await planSync(
      input({
        reads: [
          {
            type: 'ldap',
            id: 'corp',
            result: readResult([
              user('uuid-1', {
                name: 'ada',
                identifiers: { email: 'Ada@Example.com' },
                annotations: { 'backstage.io/ldap-uuid': 'uuid-1' },
                displayName: 'Ada Lovelace',
              }),
            ]),
          },
          {
            type: 'github',
            id: 'gh',
            result: readResult([
              user('MDQ6', {
                name: 'ada-gh',
                identifiers: { email: 'ada@example.com' },
                annotations: { 'github.com/user-id': '10001' },
                displayName: 'ada on github',
              }),
            ]),
          },
        ],
      }),
    );
    expect(plan.entities).toHaveLength(1);
    const [ada] = plan.entities;
    expect(ada.ref).toBe('user:default/ada');
    expect(ada.keys).toEqual(['ldap:corp:uuid-1', 'github:gh:MDQ6']);
    expect(ada.entity.metadata.annotations).toMatchObject({
      'backstage.io/ldap-uuid': 'uuid-1',
      'github.com/user-id': '10001',
    });
    expect((ada.entity.spec as any).profile.displayName).toBe('Ada Lovelace');
  });

  it('does not merge by an email that two people of one source share, and says so', async () => {
    const plan = await planSync(
      input({
        reads: [
          {
            type: 'ldap',
            id: 'corp',
            result: readResult([
              user('1', {
                name: 'a',
                identifiers: { email: 'shared@example.com' },
              }),
              user('2', {
                name: 'b',
                identifiers: { email: 'shared@example.com' },
              }),
            ]),
          },
          {
            type: 'github',
            id: 'gh',
            result: readResult([
              user('3', {
                name: 'c',
                identifiers: { email: 'shared@example.com' },
              }),
            ]),
          },
        ],
      }),
    );
    expect(plan.entities).toHaveLength(3);
    expect(plan.problems.map(p => p.code)).toContain('ambiguous-identifier');
  });

  it('maps source fields to entity fields and reports unsupported paths', async () => {
    const plan = await planSync(
      input({
        reads: [
          {
            type: 'ldap',
            id: 'corp',
            result: readResult([
              user('1', {
                name: 'ada',
                fields: {
                  'metadata.title': 'Principal Engineer',
                  'metadata.annotations.example.com/department': 'R&D',
                  'metadata.labels.location': 'berlin',
                  'spec.owner': 'nobody',
                },
              }),
            ]),
          },
        ],
      }),
    );
    expect(plan.entities[0].entity.metadata).toMatchObject({
      title: 'Principal Engineer',
      annotations: { 'example.com/department': 'R&D' },
      labels: { location: 'berlin' },
    });
    expect(plan.problems.map(p => p.code)).toContain('unsupported-field');
  });

  it('refuses an empty result and keeps everything', async () => {
    const first = await planSync(
      input({
        reads: [{ type: 'ldap', id: 'm', result: readResult(people(5)) }],
      }),
    );
    const plan = await planSync(
      input({
        previous: committed(first),
        reads: [{ type: 'ldap', id: 'm', result: readResult([]) }],
      }),
    );
    expect(plan.outcome).toBe('refused');
    expect(plan.retainedRefs).toHaveLength(5);
    expect(plan.problems.map(p => p.code)).toContain('empty-result');
  });

  it('accepts an empty result when allowEmpty is set', async () => {
    const plan = await planSync(
      input({
        safety: { ...safety, allowEmpty: true, maxRemovalShare: 1 },
        reads: [{ type: 'ldap', id: 'm', result: readResult([]) }],
      }),
    );
    expect(plan.outcome).toBe('committed');
  });

  it('refuses removals above the share, but commits additions and updates', async () => {
    const first = await planSync(
      input({
        reads: [{ type: 'ldap', id: 'm', result: readResult(people(20)) }],
      }),
    );
    const next = people(17);
    next[0] = user('u0', { name: 'person0', displayName: 'changed' });
    next.push(user('new', { name: 'newcomer' }));
    const plan = await planSync(
      input({
        previous: committed(first),
        reads: [{ type: 'ldap', id: 'm', result: readResult(next) }],
      }),
    );
    expect(plan.outcome).toBe('committed-without-removals');
    expect(plan.diff.added).toEqual(['user:default/newcomer']);
    expect(plan.diff.updated).toEqual(['user:default/person0']);
    expect(plan.diff.removed).toEqual([]);
    expect(plan.diff.withheld).toHaveLength(3);
    expect(plan.retainedRefs).toHaveLength(3);
    expect(plan.reason).toContain('3 of 20');
    expect(plan.problems.map(p => p.code)).toContain(
      'removals-above-threshold',
    );
  });

  it('makes removals within the share', async () => {
    const first = await planSync(
      input({
        reads: [{ type: 'ldap', id: 'm', result: readResult(people(20)) }],
      }),
    );
    const plan = await planSync(
      input({
        previous: committed(first),
        reads: [{ type: 'ldap', id: 'm', result: readResult(people(18)) }],
      }),
    );
    expect(plan.outcome).toBe('committed');
    expect(plan.diff.removed).toEqual([
      'user:default/person18',
      'user:default/person19',
    ]);
  });

  it('honours maxRemovals as a count limit', async () => {
    const first = await planSync(
      input({
        reads: [{ type: 'ldap', id: 'm', result: readResult(people(100)) }],
      }),
    );
    const plan = await planSync(
      input({
        safety: { ...safety, maxRemovals: 1 },
        previous: committed(first),
        reads: [{ type: 'ldap', id: 'm', result: readResult(people(98)) }],
      }),
    );
    expect(plan.diff.withheld).toHaveLength(2);
  });

  it('makes no removals when a source failed or was incomplete', async () => {
    const reads = (complete: boolean) => [
      {
        type: 'ldap',
        id: 'a',
        result: readResult(people(19), [], { complete }),
      },
    ];
    const first = await planSync(
      input({
        reads: [{ type: 'ldap', id: 'a', result: readResult(people(20)) }],
      }),
    );
    const partial = await planSync(
      input({ previous: committed(first), reads: reads(false) }),
    );
    expect(partial.diff.withheld).toEqual(['user:default/person19']);
    expect(partial.outcome).toBe('committed-without-removals');

    const failed = await planSync(
      input({
        previous: committed(first),
        reads: [
          { type: 'ldap', id: 'a', result: readResult(people(19)) },
          { type: 'ldap', id: 'b', error: 'connect ECONNREFUSED 127.0.0.1:1' },
        ],
      }),
    );
    expect(failed.diff.withheld).toEqual(['user:default/person19']);
    expect(failed.problems[0]).toMatchObject({
      code: 'source-failed',
      source: 'ldap.b',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('fails without touching anything when no source could be read', async () => {
    const plan = await planSync(
      input({
        previous: new Map([
          [
            'user:default/x',
            { kind: 'User', name: 'x', hash: 'h', keys: ['ldap:a:x'] },
          ],
        ]),
        reads: [{ type: 'ldap', id: 'a', error: 'Invalid credentials' }],
      }),
    );
    expect(plan.outcome).toBe('failed');
    expect(plan.entities).toEqual([]);
    expect(plan.retainedRefs).toEqual(['user:default/x']);
  });

  it('keeps the earlier entity of an entry the source skipped', async () => {
    const first = await planSync(
      input({
        reads: [{ type: 'ldap', id: 'a', result: readResult(people(3)) }],
      }),
    );
    const plan = await planSync(
      input({
        previous: committed(first),
        reads: [
          {
            type: 'ldap',
            id: 'a',
            result: readResult(people(2), [], {
              problems: [
                {
                  severity: 'warning',
                  code: 'missing-name-attribute',
                  message: 'uid missing',
                  key: 'u2',
                },
              ],
            }),
          },
        ],
      }),
    );
    expect(plan.retainedRefs).toEqual(['user:default/person2']);
    expect(plan.diff.removed).toEqual([]);
  });

  it('reports a group cycle and still commits every group', async () => {
    const plan = await planSync(
      input({
        reads: [
          {
            type: 'ldap',
            id: 'a',
            result: readResult(
              [],
              [group('a', { parents: ['b'] }), group('b', { parents: ['a'] })],
            ),
          },
        ],
      }),
    );
    expect(plan.entities).toHaveLength(2);
    expect(plan.problems.map(p => p.code)).toContain('group-cycle');
  });

  it('inherits the names of a renamed provider’s entities', async () => {
    const plan = await planSync(
      input({
        inheritedNames: new Map([
          ['ldap:a:u1', { kind: 'User', name: 'legacy-name' }],
        ]),
        reads: [
          {
            type: 'ldap',
            id: 'a',
            result: readResult([user('u1', { name: 'new' })]),
          },
        ],
      }),
    );
    expect(plan.entities[0].ref).toBe('user:default/legacy-name');
  });

  it('leaves out an entity the catalog would reject, and keeps its earlier version', async () => {
    const first = await planSync(
      input({
        reads: [
          {
            type: 'ldap',
            id: 'a',
            result: readResult([user('u1', { name: 'ada' })]),
          },
        ],
      }),
    );
    const plan = await planSync(
      input({
        previous: committed(first),
        reads: [
          {
            type: 'ldap',
            id: 'a',
            result: readResult([
              user('u1', {
                name: 'ada',
                fields: { 'metadata.labels.bad label': 'x' },
              }),
            ]),
          },
        ],
      }),
    );
    expect(plan.entities).toEqual([]);
    expect(plan.retainedRefs).toEqual(['user:default/ada']);
    expect(plan.problems.map(p => p.code)).toContain('invalid-entity');
  });
});

describe('planSync with a merged person and a failing source', () => {
  it('keeps a merged user as last committed when one of its sources failed, instead of dropping that source’s ids', async () => {
    const ldap = {
      type: 'ldap',
      id: 'corp',
      result: readResult([
        user('uuid-1', {
          name: 'ada',
          identifiers: { email: 'ada@example.com' },
          annotations: { 'backstage.io/ldap-uuid': 'uuid-1' },
          displayName: 'Ada',
        }),
      ]),
    };
    const github = {
      type: 'github',
      id: 'gh',
      result: readResult([
        user('MDQ6', {
          name: 'ada-gh',
          identifiers: { email: 'ada@example.com' },
          annotations: { 'github.com/user-id': '10001' },
        }),
      ]),
    };
    const first = await planSync(input({ reads: [ldap, github] }));
    const previous = new Map(
      first.entities.map(e => [
        e.ref,
        {
          kind: 'User' as const,
          name: e.entity.metadata.name,
          hash: hashOf(e),
          keys: e.keys,
        },
      ]),
    );
    const plan = await planSync(
      input({
        previous,
        reads: [ldap, { type: 'github', id: 'gh', error: 'HTTP 502' }],
      }),
    );
    expect(plan.entities).toEqual([]);
    expect(plan.retainedRefs).toEqual(['user:default/ada']);
    expect(plan.diff.updated).toEqual([]);
    expect(plan.outcome).toBe('committed-without-removals');
  });
});
