import { generateSyntheticOrg } from './org';
import { createPrng } from '@internal/demo-org';
import {
  expandTarget,
  generatePolicy,
  specificity,
  SUPERUSER_ROLE,
  toRhdhPolicy,
} from './roles';

const names = (target: Parameters<typeof expandTarget>[0]) =>
  expandTarget(target).map(p => p.name);

describe('expandTarget', () => {
  it('expands wildcards against the known permissions', () => {
    expect(names('catalog.location.*')).toEqual([
      'catalog.location.read',
      'catalog.location.create',
      'catalog.location.analyze',
      'catalog.location.delete',
    ]);
    expect(names(['kubernetes.proxy', 'search.query.read'])).toEqual([
      'kubernetes.proxy',
      'search.query.read',
    ]);
  });

  it('expands selectors by resource type and action', () => {
    expect(
      names({ resourceType: 'scaffolder-template', actions: ['read'] }),
    ).toEqual([
      'scaffolder.template.parameter.read',
      'scaffolder.template.step.read',
    ]);
    expect(names({ actions: ['delete'] })).toEqual([
      'catalog.entity.delete',
      'catalog.location.delete',
    ]);
  });
});

describe('generatePolicy', () => {
  const org = generateSyntheticOrg({ users: 300, groups: 60, seed: 1 });
  const policy = generatePolicy(org, createPrng(2), 50);

  it('makes the requested roles with every kind of rule', () => {
    const roles = Object.values(policy.roles);
    expect(roles).toHaveLength(50);
    const rules = roles.flatMap(r => r.rules ?? []);
    expect(policy.roles[SUPERUSER_ROLE].superuser).toBe(true);
    expect(
      rules.some(r => typeof r.allow === 'string' && r.allow.includes('*')),
    ).toBe(true);
    expect(rules.some(r => Array.isArray(r.allow))).toBe(true);
    expect(
      rules.some(
        r => r.allow && typeof r.allow === 'object' && !Array.isArray(r.allow),
      ),
    ).toBe(true);
    expect(rules.some(r => r.deny !== undefined)).toBe(true);
    expect(rules.some(r => r.when?.isOwner)).toBe(true);
  });

  it('binds every role to groups at several depths and some users', () => {
    expect(policy.bindings.map(b => b.role)).toEqual(Object.keys(policy.roles));
    const members = policy.bindings.flatMap(b => b.members);
    expect(members.some(m => m.startsWith('user:'))).toBe(true);
    const depthOf = new Map(
      org.groupsByDepth.flatMap((refs, depth) => refs.map(r => [r, depth])),
    );
    const depths = new Set(
      members.filter(m => m.startsWith('group:')).map(m => depthOf.get(m)),
    );
    expect(depths.size).toBeGreaterThanOrEqual(3);
    expect(depths.has(undefined)).toBe(false);
  });
});

describe('specificity', () => {
  it('ranks exact > wildcard (longer first) > type and action > one of them', () => {
    const ranks = [
      specificity('catalog.location.create'),
      specificity('catalog.location.*'),
      specificity('catalog.*'),
      specificity({ resourceType: 'catalog-entity', actions: ['read'] }),
      specificity({ actions: ['read'] }),
      specificity('*'),
    ];
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    expect(new Set(ranks).size).toBe(ranks.length);
  });
});

describe('toRhdhPolicy', () => {
  it("resolves a role's own exceptions the way our policy does", () => {
    const csv = toRhdhPolicy({
      roles: {
        r: {
          description: 'r',
          rules: [
            { deny: { actions: ['read'] } },
            { allow: 'catalog.location.*' },
          ],
        },
      },
      bindings: [],
    }).csv;
    // The wildcard allow outranks the action-only deny for location reads.
    expect(csv).toContain(
      'p, role:default/r, catalog.location.read, read, allow',
    );
    expect(csv).toContain('p, role:default/r, catalog.entity.read, read, deny');
    expect(csv).not.toContain('catalog.location.read, read, deny');
  });

  it('writes one line per role and permission, bindings as g lines, superusers apart', () => {
    const rhdh = toRhdhPolicy({
      roles: {
        admin: { description: 'a', superuser: true },
        reg: {
          description: 'r',
          rules: [
            { allow: 'catalog.location.*' },
            { deny: 'catalog.location.delete' },
            { allow: 'catalog.entity.refresh', when: { isOwner: true } },
          ],
        },
      },
      bindings: [
        { role: 'admin', members: ['user:default/root'] },
        { role: 'reg', members: ['group:default/team', 'user:default/al'] },
      ],
    });
    expect(rhdh.csv.trim().split('\n')).toEqual([
      'p, role:default/reg, catalog.location.read, read, allow',
      'p, role:default/reg, catalog.location.create, create, allow',
      'p, role:default/reg, catalog.location.analyze, use, allow',
      'p, role:default/reg, catalog.location.delete, delete, deny',
      'g, group:default/team, role:default/reg',
      'g, user:default/al, role:default/reg',
    ]);
    expect(rhdh.superUsers).toEqual(['user:default/root']);
    expect(rhdh.conditionalRulesLeftOut).toBe(1);
  });
});
