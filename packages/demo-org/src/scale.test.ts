import { createOrgGraph } from './orgGraph';
import { toLdif } from './ldif';
import { generateOrg } from './scale';
import { findDemoOrgProblems } from './validate';

describe('generateOrg', () => {
  it('defaults to 20,000 people and 2,000 groups, valid, with LDIF, in a few seconds', () => {
    const started = Date.now();
    const org = generateOrg({ seed: 42 });
    const ldif = toLdif(org, { serviceAccount: { password: 'x' } });
    const elapsed = Date.now() - started;

    expect(org.people).toHaveLength(20_000);
    expect(org.teams).toHaveLength(2_000);
    expect(findDemoOrgProblems(org)).toEqual([]);
    expect(ldif.match(/^dn/gm)?.length).toBeGreaterThanOrEqual(22_004);
    expect(elapsed).toBeLessThan(10_000);
  });

  it('honours the requested counts', () => {
    const org = generateOrg({ people: 123, groups: 17, seed: 1 });
    expect(org.people).toHaveLength(123);
    expect(org.teams).toHaveLength(17);
    expect(findDemoOrgProblems(org)).toEqual([]);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const options = { people: 300, groups: 40 };
    expect(generateOrg({ ...options, seed: 5 })).toEqual(
      generateOrg({ ...options, seed: 5 }),
    );
    expect(generateOrg({ ...options, seed: 5 })).not.toEqual(
      generateOrg({ ...options, seed: 6 }),
    );
  });

  it('does not use Math.random', () => {
    const spy = jest.spyOn(Math, 'random');
    generateOrg({ people: 50, groups: 5 });
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('builds a team tree several levels deep', () => {
    const org = generateOrg({ people: 10, groups: 2_000, seed: 1 });
    const graph = createOrgGraph(org);
    const depths = org.teams.map(team => graph.ancestors(team.id).length + 1);
    expect(Math.max(...depths)).toBeGreaterThanOrEqual(4);
    expect(org.teams.filter(team => !team.parent).length).toBeGreaterThan(1);
  });

  it('puts each person in one to three distinct teams', () => {
    const org = generateOrg({ people: 2_000, groups: 100, seed: 9 });
    const sizes = new Set(org.people.map(person => person.teams.length));
    expect([...sizes].sort()).toEqual([1, 2, 3]);
  });

  it('includes non-ASCII names, comma names, disabled people and role grants', () => {
    const org = generateOrg({ people: 2_000, groups: 100, seed: 9 });
    expect(
      org.people.some(person => /[\u0080-\uffff]/.test(person.displayName)),
    ).toBe(true);
    expect(org.people.some(person => person.displayName.includes(','))).toBe(
      true,
    );
    expect(org.people.some(person => person.disabled)).toBe(true);
    expect(org.teams.some(team => team.roles.includes('admin'))).toBe(true);
  });

  it('keeps display names unique', () => {
    const org = generateOrg({ people: 5_000, groups: 10, seed: 2 });
    const names = org.people.map(person => person.displayName.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it('copes with tiny and empty organisations', () => {
    expect(findDemoOrgProblems(generateOrg({ people: 0, groups: 0 }))).toEqual(
      [],
    );
    const noTeams = generateOrg({ people: 3, groups: 0 });
    expect(noTeams.people.every(person => person.teams.length === 0)).toBe(
      true,
    );
    expect(() => toLdif(generateOrg({ people: 1, groups: 3 }))).not.toThrow();
  });

  it('rejects negative or fractional counts', () => {
    expect(() => generateOrg({ people: -1 })).toThrow(RangeError);
    expect(() => generateOrg({ groups: 1.5 })).toThrow(
      'groups must be a non-negative integer, got 1.5',
    );
  });
});
