import { generateSyntheticOrg } from './org';

describe('generateSyntheticOrg', () => {
  const org = generateSyntheticOrg({ users: 600, groups: 120, seed: 3 });

  it('makes the requested users and groups, deterministically', () => {
    expect(org.users).toHaveLength(600);
    expect(org.groups).toHaveLength(120);
    expect(generateSyntheticOrg({ users: 600, groups: 120, seed: 3 })).toEqual(
      org,
    );
    expect(
      generateSyntheticOrg({ users: 600, groups: 120, seed: 4 }).users,
    ).not.toEqual(org.users);
  });

  it('writes parent, children and members the way the catalog reads them', () => {
    const byName = new Map(org.groups.map(g => [g.metadata.name, g]));
    const nonRoots = org.groups.filter(g => g.spec.parent);
    expect(nonRoots.length).toBeGreaterThan(100);
    for (const group of nonRoots) {
      expect(byName.get(group.spec.parent!)!.spec.children).toContain(
        group.metadata.name,
      );
    }
    for (const group of org.groups) {
      for (const child of group.spec.children) {
        expect(byName.get(child)!.spec.parent).toBe(group.metadata.name);
      }
    }
    for (const user of org.users) {
      const memberOf = user.spec.memberOf!;
      expect(memberOf.length).toBeGreaterThanOrEqual(1);
      expect(memberOf.length).toBeLessThanOrEqual(3);
      for (const team of memberOf) {
        expect(byName.get(team)!.spec.members).toContain(user.metadata.name);
      }
    }
  });

  it('indexes the groups by depth, roots first', () => {
    const roots = org.groups.filter(g => !g.spec.parent);
    expect(org.groupsByDepth[0]).toEqual(
      roots.map(g => `group:default/${g.metadata.name}`),
    );
    expect(org.groupsByDepth.flat()).toHaveLength(120);
    expect(org.groupsByDepth.length).toBeGreaterThanOrEqual(3);
  });

  it('nests 2,000 groups five levels deep', () => {
    const big = generateSyntheticOrg({ users: 10, groups: 2000, seed: 1 });
    expect(big.groupsByDepth).toHaveLength(5);
  });
});
