import type { Entity } from '@backstage/catalog-model';

/** The parts of a `DemoOrg` (package `demo-org`) that `demoCatalog` reads. */
export interface DemoOrgPeople {
  teams: { id: string; parent?: string }[];
  people: {
    email: string;
    displayName: string;
    disabled: boolean;
    teams: string[];
    ldap: { uid: string };
    github?: { login: string; nodeId: string };
    gitlab?: { username: string; id: number };
  }[];
}

/**
 * The demo organisation as the org sync engine writes it once the LDAP,
 * GitHub and GitLab sources are merged: users named by LDAP uid with
 * `spec.profile.email`, optionally the GitHub and GitLab id annotations,
 * `memberOf` relations; groups with `childOf` relations.
 */
export function demoCatalog(
  org: DemoOrgPeople,
  options: { githubIds?: boolean; gitlabHost?: string } = {},
): Entity[] {
  const groups = org.teams.map(
    (team): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: team.id, namespace: 'default' },
      spec: {
        type: 'team',
        children: [],
        ...(team.parent && { parent: team.parent }),
      },
      relations: team.parent
        ? [{ type: 'childOf', targetRef: `group:default/${team.parent}` }]
        : [],
    }),
  );
  const users = org.people
    .filter(person => !person.disabled)
    .map(
      (person): Entity => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: {
          name: person.ldap.uid,
          namespace: 'default',
          annotations: {
            ...(options.githubIds &&
              person.github && {
                'github.com/user-id': person.github.nodeId,
                'github.com/user-login': person.github.login,
              }),
            ...(options.gitlabHost &&
              person.gitlab && {
                [`${options.gitlabHost}/user-id`]: String(person.gitlab.id),
                [`${options.gitlabHost}/user-login`]: person.gitlab.username,
              }),
          },
        },
        spec: {
          profile: { email: person.email, displayName: person.displayName },
          memberOf: person.teams,
        },
        relations: person.teams.map(team => ({
          type: 'memberOf',
          targetRef: `group:default/${team}`,
        })),
      }),
    );
  return [...groups, ...users];
}
