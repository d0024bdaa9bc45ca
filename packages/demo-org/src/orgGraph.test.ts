import { createOrgGraph } from './orgGraph';
import { loadDemoOrg } from './schema';

describe('createOrgGraph on the demo org', () => {
  const org = loadDemoOrg();
  const graph = createOrgGraph(org);
  const person = (id: string) => {
    const found = org.people.find(candidate => candidate.id === id);
    if (!found) {
      throw new Error(`no person ${id}`);
    }
    return found;
  };
  const ids = (teams: Array<{ id: string }>) => teams.map(team => team.id);

  it('knows child teams and direct members', () => {
    expect(ids(graph.childTeams('engineering'))).toEqual([
      'platform-team',
      'product-team',
    ]);
    expect(ids(graph.childTeams('sre-oncall'))).toEqual([]);
    expect(graph.directMembers('design')).toEqual([]);
    expect(ids(graph.directMembers('admins'))).toEqual([
      'zoe-hoffmann',
      'priya-raman',
    ]);
  });

  it('lists ancestors nearest first', () => {
    expect(ids(graph.ancestors('sre-oncall'))).toEqual([
      'sre',
      'platform-team',
      'engineering',
    ]);
    expect(graph.ancestors('engineering')).toEqual([]);
  });

  it('expands a person to every team they are in through nesting', () => {
    expect(ids(graph.transitiveTeams(person('lukasz-nowak')))).toEqual([
      'sre',
      'platform-team',
      'engineering',
      'sre-oncall',
    ]);
    expect(graph.transitiveTeams(person('sam-taylor'))).toEqual([]);
  });

  it('combines personal roles with roles inherited from teams', () => {
    // developer comes from engineering, three levels up; registrar from platform-team, two up.
    expect(graph.effectiveRoles(person('lukasz-nowak'))).toEqual([
      'developer',
      'registrar',
      'integration-admin',
    ]);
    expect(graph.effectiveRoles(person('zoe-hoffmann'))).toEqual([
      'admin',
      'developer',
      'registrar',
      'integration-admin',
    ]);
    // admin granted to the person, not through a team.
    expect(graph.effectiveRoles(person('ayse-yilmaz'))).toEqual([
      'admin',
      'developer',
    ]);
    expect(graph.effectiveRoles(person('sam-taylor'))).toEqual(['viewer']);
    expect(graph.effectiveRoles(person('jane-smith'))).toEqual(['viewer']);
  });

  it('orders every team after all of its child teams', () => {
    const order = ids(graph.teamsChildrenFirst());
    expect(order).toHaveLength(org.teams.length);
    expect(new Set(order).size).toBe(order.length);
    const childParentPairs = org.teams.flatMap(team =>
      team.parent ? [[team.id, team.parent]] : [],
    );
    expect(childParentPairs.length).toBeGreaterThan(0);
    for (const [child, parent] of childParentPairs) {
      expect(order.indexOf(child)).toBeLessThan(order.indexOf(parent));
    }
  });

  it('terminates on (invalid) parent cycles', () => {
    const cyclic = createOrgGraph({
      ...org,
      teams: [
        { id: 'a', name: 'A', parent: 'b', roles: [] },
        { id: 'b', name: 'B', parent: 'a', roles: [] },
      ],
      people: [],
    });
    expect(ids(cyclic.teamsChildrenFirst()).sort()).toEqual(['a', 'b']);
    expect(ids(cyclic.ancestors('a'))).toEqual(['b']);
  });
});
