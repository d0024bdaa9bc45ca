import { DemoOrg, DemoTeam } from '@internal/demo-org';
import { demoTokenExpiry } from '../common/demoTokenExpiry';
import {
  DEMO_GITLAB_CLIENT_ID,
  DEMO_GITLAB_CLIENT_SECRET,
  DEMO_GITLAB_GROUP,
  DEMO_GITLAB_TOKEN,
  DEMO_GITLAB_TOKEN_SCOPES,
  GITLAB_OUTSIDER,
  GitlabFixture,
  GitlabFixtureGroup,
  GitlabFixtureUser,
} from './fixture';

const TOP_GROUP_ID = 100;

/**
 * The GitLab side of the demo organisation: top-level group `example-corp`
 * with subgroups mirroring the team tree; people with a `gitlab` account are
 * direct members of their teams' groups (developer, the first one
 * maintainer); disabled people are blocked; plus `outsider` in no group.
 */
export function gitlabFixtureFromDemoOrg(org: DemoOrg): GitlabFixture {
  const users: GitlabFixtureUser[] = [];
  const teamMembers = new Map<string, number[]>(
    org.teams.map(team => [team.id, []]),
  );
  for (const person of org.people) {
    if (!person.gitlab) {
      continue;
    }
    users.push({
      id: person.gitlab.id,
      username: person.gitlab.username,
      name: person.displayName,
      email: person.email,
      state: person.disabled ? 'blocked' : 'active',
    });
    for (const team of person.teams) {
      teamMembers.get(team)?.push(person.gitlab.id);
    }
  }
  const teamsById = new Map(org.teams.map(team => [team.id, team]));
  const fullPath = (team: DemoTeam): string => {
    const segments = [team.id];
    let parent = team.parent ? teamsById.get(team.parent) : undefined;
    while (parent) {
      segments.unshift(parent.id);
      parent = parent.parent ? teamsById.get(parent.parent) : undefined;
    }
    return [DEMO_GITLAB_GROUP, ...segments].join('/');
  };
  const groupIds = new Map(
    org.teams.map((team, index) => [team.id, TOP_GROUP_ID + index + 1]),
  );
  const groups: GitlabFixtureGroup[] = [
    {
      id: TOP_GROUP_ID,
      name: org.company.name,
      path: DEMO_GITLAB_GROUP,
      fullPath: DEMO_GITLAB_GROUP,
      members: [],
    },
    ...org.teams.map(team => ({
      id: groupIds.get(team.id)!,
      name: team.name,
      path: team.id,
      fullPath: fullPath(team),
      parentId: team.parent ? groupIds.get(team.parent) : TOP_GROUP_ID,
      description: team.description,
      members: (teamMembers.get(team.id) ?? []).map((userId, position) => ({
        userId,
        accessLevel: position === 0 ? (40 as const) : (30 as const),
      })),
    })),
  ];
  const owner = users[0]?.username ?? GITLAB_OUTSIDER.username;
  users.push({
    id: GITLAB_OUTSIDER.id,
    username: GITLAB_OUTSIDER.username,
    name: 'Outsider',
    email: GITLAB_OUTSIDER.email,
    publicEmail: GITLAB_OUTSIDER.email,
    state: 'active',
  });
  return {
    users,
    groups,
    tokens: [
      {
        token: DEMO_GITLAB_TOKEN,
        username: owner,
        scopes: DEMO_GITLAB_TOKEN_SCOPES,
        name: 'identity portal integration',
        expiresAt: demoTokenExpiry().toISOString().slice(0, 10),
      },
    ],
    oauthApps: [
      {
        clientId: DEMO_GITLAB_CLIENT_ID,
        clientSecret: DEMO_GITLAB_CLIENT_SECRET,
        name: 'Identity & Access Portal (demo)',
      },
    ],
  };
}
