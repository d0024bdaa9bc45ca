import { OrgGraph } from '../graph/OrgGraph';
import {
  demoPolicy,
  orgEntities,
  permissions as p,
  policyConfig,
} from '../__testUtils__/fixtures';
import { PolicyEngine } from './PolicyEngine';

const graph = OrgGraph.fromEntities(orgEntities);

function engineWith(groupPolicy: object = demoPolicy) {
  return new PolicyEngine(policyConfig(groupPolicy));
}

describe('PolicyEngine', () => {
  it('gives a nested team member the roles bound to every ancestor team', () => {
    const engine = engineWith();
    const lnowak = engine.principal('user:default/lnowak', graph);
    expect(lnowak.roles).toEqual(['registrar', 'developer']);
    const registrar = lnowak.grants.find(g => g.role === 'registrar')!;
    expect(registrar.via).toEqual({
      kind: 'binding',
      member: 'group:default/platform-team',
      path: [
        'user:default/lnowak',
        'group:default/sre-oncall',
        'group:default/sre',
        'group:default/platform-team',
      ],
    });
    expect(
      engine.decide(p.locationCreate, 'user:default/lnowak', graph),
    ).toMatchObject({
      result: 'ALLOW',
      winner: { role: 'registrar', selector: 'catalog.location.create' },
    });
  });

  it('denies bob the registration of components and says no rule matched', () => {
    const decision = engineWith().decide(
      p.locationCreate,
      'user:default/bob',
      graph,
    );
    expect(decision.result).toBe('DENY');
    expect(decision.reason).toBe(
      "no rule of user:default/bob's roles (developer) matches catalog.location.create; anything unmatched is denied",
    );
  });

  it('lets the most specific rule win over roles, and deny win at equal specificity', () => {
    const engine = engineWith({
      roles: {
        broad: { rules: [{ allow: 'catalog.*' }] },
        narrow: { rules: [{ deny: 'catalog.entity.*' }] },
        exact: { rules: [{ allow: 'catalog.entity.read' }] },
        tie: { rules: [{ deny: 'catalog.location.create' }] },
        tie2: { rules: [{ allow: 'catalog.location.create' }] },
      },
      bindings: [
        { role: 'broad', members: ['user:default/bob'] },
        { role: 'narrow', members: ['group:default/web'] },
        { role: 'exact', members: ['group:default/engineering'] },
        { role: 'tie', members: ['user:default/bob'] },
        { role: 'tie2', members: ['user:default/bob'] },
      ],
    });
    const bob = 'user:default/bob';
    // exact allow beats the longer wildcard deny
    const read = engine.decide(p.entityRead, bob, graph);
    expect(read.result).toBe('ALLOW');
    expect(read.winner?.role).toBe('exact');
    expect(read.overridden.map(m => m.role)).toEqual(['narrow']);
    // catalog.entity.* (14 literal chars) beats catalog.* (8)
    expect(engine.decide(p.entityDelete, bob, graph)).toMatchObject({
      result: 'DENY',
      winner: { role: 'narrow', selector: 'catalog.entity.*' },
    });
    // equal specificity: deny wins
    expect(engine.decide(p.locationCreate, bob, graph)).toMatchObject({
      result: 'DENY',
      winner: { role: 'tie' },
    });
    // only the broad wildcard matches
    expect(engine.decide(p.locationRead, bob, graph).result).toBe('ALLOW');
  });

  it('ranks selectors below names: resource type + action above action alone, "*" last', () => {
    const engine = engineWith({
      roles: {
        all: { rules: [{ deny: '*' }] },
        reads: { rules: [{ allow: { actions: ['read'] } }] },
        'entity-reads': {
          rules: [
            { deny: { resourceType: 'catalog-entity', actions: ['read'] } },
          ],
        },
      },
      bindings: [
        { role: 'all', members: ['user:default/sam'] },
        { role: 'reads', members: ['user:default/sam'] },
        { role: 'entity-reads', members: ['user:default/sam'] },
      ],
    });
    const sam = 'user:default/sam';
    expect(engine.decide(p.locationRead, sam, graph)).toMatchObject({
      result: 'ALLOW',
      winner: { specificity: 'action' },
    });
    expect(engine.decide(p.entityRead, sam, graph)).toMatchObject({
      result: 'DENY',
      winner: { specificity: 'resource type and action' },
    });
    expect(engine.decide(p.scaffolderTaskCreate, sam, graph)).toMatchObject({
      result: 'DENY',
      winner: { specificity: 'everything (*)' },
    });
  });

  it('lets a superuser role allow what another role denies', () => {
    const engine = engineWith({
      roles: {
        admin: { superuser: true },
        locked: { rules: [{ deny: 'catalog.location.create' }] },
      },
      bindings: [
        { role: 'admin', members: ['group:default/admins'] },
        { role: 'locked', members: ['user:default/root'] },
      ],
    });
    expect(
      engine.decide(p.locationCreate, 'user:default/root', graph),
    ).toMatchObject({
      result: 'ALLOW',
      winner: { role: 'admin', selector: 'superuser' },
    });
  });

  it('answers owner conditions with the user and all of its groups as claims', () => {
    const decision = engineWith().decide(
      p.entityRefresh,
      'user:default/lnowak',
      graph,
    );
    expect(decision.result).toBe('CONDITIONAL');
    expect(decision.conditions).toEqual({
      rule: 'IS_ENTITY_OWNER',
      resourceType: 'catalog-entity',
      params: {
        claims: [
          'user:default/lnowak',
          'group:default/sre-oncall',
          'group:default/sre',
          'group:default/platform-team',
          'group:default/engineering',
        ],
      },
    });
  });

  it('combines conditional allows of several rules with anyOf and conditions of one rule with allOf', () => {
    const engine = engineWith({
      roles: {
        a: {
          rules: [
            {
              allow: 'catalog.entity.delete',
              when: { isOwner: true, kinds: ['Component'] },
            },
          ],
        },
        b: {
          rules: [
            { allow: 'catalog.entity.delete', when: { hasLabel: 'sandbox' } },
          ],
        },
      },
      bindings: [
        { role: 'a', members: ['user:default/sam'] },
        { role: 'b', members: ['user:default/sam'] },
      ],
    });
    expect(
      engine.decide(p.entityDelete, 'user:default/sam', graph).conditions,
    ).toEqual({
      anyOf: [
        {
          allOf: [
            {
              rule: 'IS_ENTITY_OWNER',
              resourceType: 'catalog-entity',
              params: { claims: ['user:default/sam'] },
            },
            {
              rule: 'IS_ENTITY_KIND',
              resourceType: 'catalog-entity',
              params: { kinds: ['Component'] },
            },
          ],
        },
        {
          rule: 'HAS_LABEL',
          resourceType: 'catalog-entity',
          params: { label: 'sandbox' },
        },
      ],
    });
  });

  it('never applies a conditional rule to a permission that is not a catalog entity permission', () => {
    const engine = engineWith({
      roles: {
        r: { rules: [{ allow: 'catalog.*', when: { isOwner: true } }] },
      },
      bindings: [{ role: 'r', members: ['user:default/sam'] }],
    });
    expect(
      engine.decide(p.locationCreate, 'user:default/sam', graph).result,
    ).toBe('DENY');
    expect(engine.decide(p.entityRead, 'user:default/sam', graph).result).toBe(
      'CONDITIONAL',
    );
  });

  it('denies a user unknown to the org graph and says so', () => {
    expect(
      engineWith().decide(p.entityRead, 'user:default/ghost', graph),
    ).toMatchObject({
      result: 'DENY',
      reason:
        'user:default/ghost has no roles (no such user in the org graph), so catalog.entity.read is denied',
    });
  });

  it('gives roles to default members, catalog annotations and service principals', () => {
    const annotated = OrgGraph.fromEntities(
      [
        ...orgEntities.filter(e => e.metadata.name !== 'web'),
        {
          ...orgEntities.find(e => e.metadata.name === 'web')!,
          metadata: {
            name: 'web',
            namespace: 'default',
            annotations: { 'example.com/roles': 'registrar, nonsense' },
          },
        },
      ],
      { rolesAnnotation: 'example.com/roles' },
    );
    const engine = engineWith({
      ...demoPolicy,
      defaultRoles: ['viewer'],
      catalogRoles: { annotation: 'example.com/roles' },
      bindings: [
        ...demoPolicy.bindings,
        { role: 'registrar', members: ['service:external:ci-bot'] },
      ],
    });
    const bob = engine.principal('user:default/bob', annotated);
    expect(bob.roles).toEqual(['viewer', 'registrar', 'developer']);
    expect(bob.unknownRoles).toEqual(['nonsense']);
    expect(
      engine.decide(p.locationCreate, 'user:default/bob', annotated).winner
        ?.via,
    ).toEqual({
      kind: 'annotation',
      member: 'group:default/web',
      path: ['user:default/bob', 'group:default/web'],
    });
    expect(
      engine.decide(p.locationCreate, 'service:external:ci-bot', annotated)
        .result,
    ).toBe('ALLOW');
    expect(
      engine.decide(p.entityRead, 'service:plugin:search', annotated).result,
    ).toBe('DENY');
  });

  it('resolves a principal once per graph and starts over with a new graph or policy', () => {
    const engine = engineWith();
    const first = engine.principal('user:default/alice', graph);
    expect(engine.principal('USER:default/Alice', graph)).toBe(first);
    const next = OrgGraph.fromEntities(orgEntities);
    expect(engine.principal('user:default/alice', next)).not.toBe(first);
    engine.setPolicy(policyConfig({ ...demoPolicy, bindings: [] }));
    expect(engine.principal('user:default/alice', next).roles).toEqual([]);
  });
});
