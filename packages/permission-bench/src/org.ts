import type { GroupEntity, UserEntity } from '@backstage/catalog-model';
import { generateOrg } from '@internal/demo-org';

export interface SyntheticOrgOptions {
  users: number;
  groups: number;
  seed: number;
}

/** The synthetic organisation as catalog entities plus the indexes the workload needs. */
export interface SyntheticOrg {
  groups: GroupEntity[];
  users: UserEntity[];
  /** Group refs by depth: `[0]` holds the roots, `[1]` their children, … */
  groupsByDepth: string[][];
  userRefs: string[];
}

export const userRef = (name: string) => `user:default/${name}`;
export const groupRef = (name: string) => `group:default/${name}`;

/**
 * A deterministic organisation of `users` people in `groups` teams: the team
 * forest and the memberships (1–3 teams per person) come from
 * the demo-org package's `generateOrg` (about five levels for 2,000 teams).
 * Every person becomes a User (the generator's "disabled" flag is ignored);
 * Groups carry `spec.parent`, `spec.children` and `spec.members`, Users
 * `spec.memberOf`, as the catalog's built-in processor reads them.
 */
export function generateSyntheticOrg(
  options: SyntheticOrgOptions,
): SyntheticOrg {
  const org = generateOrg({
    people: options.users,
    groups: options.groups,
    seed: options.seed,
  });
  const children = new Map<string, string[]>();
  const members = new Map<string, string[]>();
  for (const team of org.teams) {
    children.set(team.id, []);
    members.set(team.id, []);
  }
  for (const team of org.teams) {
    if (team.parent !== undefined) {
      children.get(team.parent)!.push(team.id);
    }
  }
  for (const person of org.people) {
    for (const team of person.teams) {
      members.get(team)!.push(person.id);
    }
  }

  const depth = new Map<string, number>();
  const groupsByDepth: string[][] = [];
  for (const team of org.teams) {
    // The generator lists every parent before its children.
    const d = team.parent === undefined ? 0 : depth.get(team.parent)! + 1;
    depth.set(team.id, d);
    (groupsByDepth[d] ??= []).push(groupRef(team.id));
  }

  const groups = org.teams.map(
    (team): GroupEntity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: team.id, namespace: 'default' },
      spec: {
        type: 'team',
        profile: { displayName: team.name },
        ...(team.parent !== undefined && { parent: team.parent }),
        children: children.get(team.id)!,
        members: members.get(team.id)!,
      },
    }),
  );
  const users = org.people.map(
    (person): UserEntity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: person.id, namespace: 'default' },
      spec: {
        profile: { displayName: person.displayName, email: person.email },
        memberOf: [...person.teams],
      },
    }),
  );
  return {
    groups,
    users,
    groupsByDepth,
    userRefs: org.people.map(p => userRef(p.id)),
  };
}
