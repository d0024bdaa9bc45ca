import type { Entity } from '@backstage/catalog-model';
import { ldapLayout, loadDemoOrg } from '@internal/demo-org';
import type { SlapdInstance } from '@internal/slapd-harness';
import type { Knex } from 'knex';
import { createHash } from 'node:crypto';
import {
  createRecorder,
  createTestKnex,
  entityOf,
  expectNothingLost,
  linesWith,
  refsOf,
  type OrgSyncRecorder,
  type SingleSourceTestBackend,
} from '@identity-portal/plugin-catalog-backend-module-org-sync/testUtils';
import {
  BASE_DN,
  demoSourceConfig,
  PEOPLE_DN,
  SLAPD_TIMEOUT_MS,
  startDemoSlapd,
} from '../__testUtils__/demoDirectory';
import {
  commitDemoOrg,
  deleteAsRoot,
  DEMO,
  entryUuid,
  modifyAsRoot,
  startFaultBackend,
} from './__testUtils__/faultHarness';

/** `<name>-<6 hex>`: the engine's suffix for a name that is taken. */
function suffixed(name: string, qualifiedKey: string) {
  return `${name}-${createHash('sha256')
    .update(qualifiedKey)
    .digest('hex')
    .slice(0, 6)}`;
}

/**
 * Faults in directory entries, against one slapd whose people are named by
 * cn (as in Active Directory), so that `uid` is an ordinary attribute that
 * can be removed. Every test undoes its change to the directory.
 */
describe('org sync with a real slapd: faulty entries', () => {
  const org = loadDemoOrg();
  const layout = ldapLayout({ baseDn: BASE_DN, personRdnAttribute: 'cn' });
  const lukasz = org.people.find(p => p.ldap.uid === 'lnowak')!;
  let instance: SlapdInstance;
  let knex: Knex;
  let recorder: OrgSyncRecorder;
  let backend: SingleSourceTestBackend | undefined;
  let undo: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    instance = await startDemoSlapd({ ldif: { personRdnAttribute: 'cn' } });
  }, SLAPD_TIMEOUT_MS);

  afterAll(() => instance?.stop());

  beforeEach(async () => {
    knex = createTestKnex();
    recorder = createRecorder();
    backend = await startFaultBackend({
      knex,
      recorder,
      source: demoSourceConfig(instance.url),
    });
  });

  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
    await knex.destroy();
    for (const step of undo.reverse()) await step();
    undo = [];
  });

  it('skips and reports a new person without the name attribute and commits everyone else', async () => {
    const first = await commitDemoOrg(backend!, recorder);
    const dn = `cn=No Uid,${PEOPLE_DN}`;
    await instance.add(
      [
        `dn: ${dn}`,
        'objectClass: inetOrgPerson',
        'cn: No Uid',
        'sn: Uid',
        'mail: no.uid@example.com',
        '',
      ].join('\n'),
    );
    undo.push(() => deleteAsRoot(instance, [dn]));

    const report = await backend!.refresh();

    // Nothing was committed for that entry before, so nothing is kept for it.
    expect(report.outcome).toBe('committed');
    expect(report.counts).toMatchObject({
      read: { users: DEMO.users, groups: DEMO.groups },
      added: 0,
      removed: 0,
      committed: { users: DEMO.users, groups: DEMO.groups },
    });
    expect(recorder.mutations).toHaveLength(2);
    expect(refsOf(recorder.mutations[1])).toEqual(first.refs);

    const missing = {
      source: 'ldap.main',
      severity: 'warning',
      code: 'missing-name-attribute',
      message: `Skipped user ${dn}: it has no uid (the name attribute)`,
      entry: dn,
      key: expect.stringMatching(/^[0-9a-f-]{36}$/),
    };
    expect(report.problems).toEqual([missing]);
    const status = await backend!.status();
    expect(status.lastRun).toMatchObject({ outcome: 'committed' });
    expect(status.lastRun!.problems).toEqual([missing]);
    // Every problem of a run that was not clean is logged at warn.
    expect(
      linesWith(
        recorder.logs,
        'warn',
        `[ldap.main] missing-name-attribute: Skipped user ${dn}`,
      ),
    ).toHaveLength(1);
  });

  it('keeps an existing person whose name attribute disappeared, as last committed', async () => {
    const first = await commitDemoOrg(backend!, recorder);
    const ref = 'user:default/lnowak';
    const before = entityOf(recorder.mutations[0], ref) as Entity;
    const dn = before.metadata.annotations!['backstage.io/ldap-dn'];
    expect(dn).toContain('Nowak');
    const personDn = layout.personDn(lukasz);
    await modifyAsRoot(instance, personDn, 'delete', 'uid');
    undo.push(() =>
      modifyAsRoot(instance, personDn, 'add', 'uid', [lukasz.ldap.uid]),
    );

    const report = await backend!.refresh();

    const missing = {
      source: 'ldap.main',
      severity: 'warning',
      code: 'missing-name-attribute',
      message: `Skipped user ${dn}: it has no uid (the name attribute)`,
      entry: dn,
      key: expect.stringMatching(/^[0-9a-f-]{36}$/),
    };
    expect(report.problems).toContainEqual(missing);
    // The engine README: "a source skipped an entry: everything else; the
    // skipped entry's earlier entity stays as it was;
    // committed-without-removals".
    expect(report.outcome).toBe('committed-without-removals');
    expect(report.counts.removed).toBe(0);
    expect(report.diff.removed).toEqual([]);
    expect(report.counts.retained).toBe(1);
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        source: 'engine',
        code: 'kept-skipped',
        message: expect.stringContaining(ref),
      }),
    );
    expect(recorder.mutations).toHaveLength(2);
    expectNothingLost(recorder, first.refs);
    expect(entityOf(recorder.mutations[1], ref)).toEqual(before);

    const status = await backend!.status();
    expect(status).toMatchObject({
      committed: { users: DEMO.users, groups: DEMO.groups },
      lastRun: { outcome: 'committed-without-removals' },
    });
    expect(status.lastRun!.problems).toContainEqual(missing);
    expect(
      linesWith(recorder.logs, 'warn', 'Org sync committed-without-removals'),
    ).toHaveLength(1);
    expect(
      linesWith(
        recorder.logs,
        'warn',
        `[ldap.main] missing-name-attribute: Skipped user ${dn}`,
      ),
    ).toHaveLength(1);
  });

  it('gives a newcomer whose name collides with an existing one a suffixed name, and drops nobody', async () => {
    const first = await commitDemoOrg(backend!, recorder);
    const dn = `cn=Lukas Nowak,${PEOPLE_DN}`;
    // `LNOWAK` normalises to `lnowak`, which Łukasz Nowak already has.
    await instance.add(
      [
        `dn: ${dn}`,
        'objectClass: inetOrgPerson',
        'cn: Lukas Nowak',
        'sn: Nowak',
        'uid: LNOWAK',
        'mail: lukas.nowak@example.com',
        '',
      ].join('\n'),
    );
    undo.push(() => deleteAsRoot(instance, [dn]));
    const existingKey = `ldap:main:${await entryUuid(
      instance,
      layout.personDn(lukasz),
    )}`;
    const newKey = `ldap:main:${await entryUuid(instance, dn)}`;
    const newName = suffixed('lnowak', newKey);
    expect(newName).toMatch(/^lnowak-[0-9a-f]{6}$/);

    const report = await backend!.refresh();

    expect(report.outcome).toBe('committed');
    expect(report.counts).toMatchObject({
      read: { users: DEMO.users + 1, groups: DEMO.groups },
      added: 1,
      removed: 0,
      committed: { users: DEMO.users + 1, groups: DEMO.groups },
    });
    expect(report.diff.added).toEqual([`user:default/${newName}`]);
    expect(recorder.mutations).toHaveLength(2);
    expect(refsOf(recorder.mutations[1])).toEqual(
      [...first.refs, `user:default/${newName}`].sort(),
    );
    // The earlier holder keeps the name, unchanged.
    expect(entityOf(recorder.mutations[1], 'user:default/lnowak')).toEqual(
      entityOf(recorder.mutations[0], 'user:default/lnowak'),
    );
    const newcomer = entityOf(
      recorder.mutations[1],
      `user:default/${newName}`,
    ) as Entity;
    expect(newcomer.metadata.annotations).toMatchObject({
      'backstage.io/ldap-dn': dn,
    });

    const collision = {
      kind: 'User',
      name: 'lnowak',
      keptBy: existingKey,
      renamed: { id: newKey, name: newName },
    };
    const problem = {
      source: 'engine',
      severity: 'warning',
      code: 'name-collision',
      message: `User name 'lnowak' is wanted by ${existingKey} and ${newKey}; ${newKey} is named '${newName}'`,
    };
    expect(report.collisions).toEqual([collision]);
    expect(report.problems).toEqual([problem]);
    const status = await backend!.status();
    expect(status).toMatchObject({
      committed: { users: DEMO.users + 1, groups: DEMO.groups },
      lastRun: { outcome: 'committed', collisions: [collision] },
    });
    expect(status.lastRun!.problems).toEqual([problem]);
    expect(
      linesWith(
        recorder.logs,
        'warn',
        `[engine] name-collision: User name 'lnowak' is wanted by`,
        newName,
      ),
    ).toHaveLength(1);
  });

  it('commits every group of a membership cycle and reports the cycle', async () => {
    const first = await commitDemoOrg(backend!, recorder);
    // platform-team already has sre as a member (its child team); making
    // platform-team a member of sre closes a cycle.
    const sreDn = layout.teamDn('sre');
    await modifyAsRoot(instance, sreDn, 'add', 'member', [
      layout.teamDn('platform-team'),
    ]);
    undo.push(() =>
      modifyAsRoot(instance, sreDn, 'delete', 'member', [
        layout.teamDn('platform-team'),
      ]),
    );

    const report = await backend!.refresh();

    expect(report.outcome).toBe('committed');
    expect(report.counts).toMatchObject({
      read: { users: DEMO.users, groups: DEMO.groups },
      removed: 0,
      committed: { users: DEMO.users, groups: DEMO.groups },
    });
    expect(recorder.mutations).toHaveLength(2);
    expect(refsOf(recorder.mutations[1])).toEqual(first.refs);

    const cycles = report.problems.filter(p => p.code === 'group-cycle');
    expect(cycles).toEqual([
      {
        source: 'engine',
        severity: 'warning',
        code: 'group-cycle',
        message: expect.stringMatching(
          /^Groups (platform-team → sre → platform-team|sre → platform-team → sre) form a parent cycle; the link from .* is left out$/,
        ),
      },
    ]);

    // What is committed has no parent cycle.
    const mutation = recorder.mutations[1];
    if (mutation.type !== 'full') throw new Error('expected a full mutation');
    const parentOf = new Map(
      mutation.entities
        .filter(({ entity }) => entity.kind === 'Group')
        .map(({ entity }) => [
          `group:default/${entity.metadata.name}`,
          (entity.spec as { parent?: string }).parent,
        ]),
    );
    expect(parentOf.size).toBe(9);
    for (const start of parentOf.keys()) {
      const seen = new Set<string>([start]);
      for (let at = parentOf.get(start); at; at = parentOf.get(at)) {
        expect(seen.has(at)).toBe(false);
        seen.add(at);
      }
    }

    const status = await backend!.status();
    expect(status).toMatchObject({
      committed: { users: DEMO.users, groups: DEMO.groups },
      lastRun: { outcome: 'committed' },
    });
    expect(status.lastRun!.problems).toEqual(expect.arrayContaining(cycles));
    expect(
      linesWith(recorder.logs, 'warn', '[engine] group-cycle: Groups'),
    ).toHaveLength(1);
  });
});
