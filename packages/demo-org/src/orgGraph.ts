import { DEMO_ROLES, DemoOrg, DemoPerson, DemoRole, DemoTeam } from './model';

/** Lookups over a (validated) demo organisation's team tree and memberships. */
export interface OrgGraph {
  team(id: string): DemoTeam | undefined;
  /** Teams whose parent is the given team, in file order. */
  childTeams(teamId: string): DemoTeam[];
  /** People listing the given team in their `teams`, in file order. */
  directMembers(teamId: string): DemoPerson[];
  /** The team's parent, grandparent and so on, nearest first. */
  ancestors(teamId: string): DemoTeam[];
  /** The person's teams plus all their ancestors, without duplicates. */
  transitiveTeams(person: DemoPerson): DemoTeam[];
  /** The person's own roles plus those of every transitive team. */
  effectiveRoles(person: DemoPerson): DemoRole[];
  /** All teams ordered so every team comes after all of its child teams. */
  teamsChildrenFirst(): DemoTeam[];
}

/** Indexes the organisation once; every lookup is then O(result size). */
export function createOrgGraph(org: DemoOrg): OrgGraph {
  const teamsById = new Map<string, DemoTeam>();
  const children = new Map<string, DemoTeam[]>();
  const members = new Map<string, DemoPerson[]>();
  for (const team of org.teams) {
    teamsById.set(team.id, team);
  }
  for (const team of org.teams) {
    if (team.parent !== undefined) {
      pushTo(children, team.parent, team);
    }
  }
  for (const person of org.people) {
    for (const teamId of person.teams) {
      pushTo(members, teamId, person);
    }
  }

  const ancestors = (teamId: string): DemoTeam[] => {
    const result: DemoTeam[] = [];
    const seen = new Set<string>([teamId]);
    let parentId = teamsById.get(teamId)?.parent;
    while (parentId !== undefined && !seen.has(parentId)) {
      const parent = teamsById.get(parentId);
      if (!parent) {
        break;
      }
      seen.add(parentId);
      result.push(parent);
      parentId = parent.parent;
    }
    return result;
  };

  const transitiveTeams = (person: DemoPerson): DemoTeam[] => {
    const result = new Map<string, DemoTeam>();
    for (const teamId of person.teams) {
      const team = teamsById.get(teamId);
      if (!team) {
        continue;
      }
      result.set(team.id, team);
      for (const ancestor of ancestors(teamId)) {
        result.set(ancestor.id, ancestor);
      }
    }
    return [...result.values()];
  };

  return {
    team: id => teamsById.get(id),
    childTeams: teamId => children.get(teamId) ?? [],
    directMembers: teamId => members.get(teamId) ?? [],
    ancestors,
    transitiveTeams,
    effectiveRoles(person) {
      const granted = new Set<DemoRole>(person.roles);
      for (const team of transitiveTeams(person)) {
        team.roles.forEach(role => granted.add(role));
      }
      return DEMO_ROLES.filter(role => granted.has(role));
    },
    teamsChildrenFirst() {
      const ordered: DemoTeam[] = [];
      const emitted = new Set<string>();
      const onStack = new Set<string>();
      // Iterative post-order walk from every team, so deep trees cannot
      // overflow the stack; `onStack` keeps a (invalid) cycle from looping.
      for (const start of org.teams) {
        if (emitted.has(start.id)) {
          continue;
        }
        onStack.add(start.id);
        const stack: Array<{ team: DemoTeam; childIndex: number }> = [
          { team: start, childIndex: 0 },
        ];
        while (stack.length > 0) {
          const frame = stack[stack.length - 1];
          const kids = children.get(frame.team.id) ?? [];
          if (frame.childIndex < kids.length) {
            const child = kids[frame.childIndex++];
            if (!emitted.has(child.id) && !onStack.has(child.id)) {
              onStack.add(child.id);
              stack.push({ team: child, childIndex: 0 });
            }
            continue;
          }
          emitted.add(frame.team.id);
          onStack.delete(frame.team.id);
          ordered.push(frame.team);
          stack.pop();
        }
      }
      return ordered;
    },
  };
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}
