import { createPrng } from '@internal/demo-org';
import { checkCount } from '../common/checkCount';
import {
  DEMO_GITHUB_CLIENT_ID,
  DEMO_GITHUB_CLIENT_SECRET,
  DEMO_GITHUB_ORG,
  DEMO_GITHUB_TOKEN,
  DEMO_GITHUB_TOKEN_SCOPES,
  GithubFixture,
  GithubFixtureTeam,
  GithubFixtureUser,
  githubNodeId,
} from './fixture';

export interface GithubScaleFixtureOptions {
  /** Org members (default 14,000). */
  members?: number;
  /** Teams (default 1,000). */
  teams?: number;
  /** How many of the teams are big (default 100). */
  bigTeams?: number;
  /** Members of each big team (default 300). */
  bigTeamSize?: number;
  /** Share of members that are suspended, 0..1 (default 0). */
  suspendedShare?: number;
  /** PRNG seed (default 1); the same options always give the same org. */
  seed?: number;
}

const USER_ID_BASE = 1_000_000;
const TEAM_ID_BASE = 500_000;
const SMALL_TEAM_MAX = 12;
/** One team in this many is a root team; the others hang under earlier teams. */
const ROOT_EVERY = 20;

const pad = (n: number) => String(n).padStart(5, '0');

/**
 * A synthetic org `example-corp` for benchmarks: `members` accounts
 * (`user-00001`...), `teams` teams nested several levels deep, the first
 * `bigTeams` of them with `bigTeamSize` members each, the others with 1-12.
 * Deterministic for a seed; O(members + memberships).
 */
export function generateGithubScaleFixture(
  options: GithubScaleFixtureOptions = {},
): GithubFixture {
  const memberCount = checkCount('members', options.members ?? 14_000);
  const teamCount = checkCount('teams', options.teams ?? 1_000);
  const bigTeams = Math.min(
    checkCount('bigTeams', options.bigTeams ?? 100),
    teamCount,
  );
  const bigTeamSize = checkCount('bigTeamSize', options.bigTeamSize ?? 300);
  const suspendedShare = options.suspendedShare ?? 0;
  const prng = createPrng(options.seed ?? 1);

  const users: GithubFixtureUser[] = [];
  for (let index = 1; index <= memberCount; index++) {
    const id = USER_ID_BASE + index;
    const login = `user-${pad(index)}`;
    const email = `${login}@example.com`;
    users.push({
      id,
      nodeId: githubNodeId('User', id),
      login,
      name: `User ${pad(index)}`,
      publicEmail: index % 3 === 0 ? undefined : email,
      emails: [{ email, verified: true, primary: true }],
      suspendedAt:
        prng.next() < suspendedShare ? '2026-01-15T09:00:00Z' : undefined,
    });
  }

  const teams: GithubFixtureTeam[] = [];
  for (let index = 0; index < teamCount; index++) {
    const size = index < bigTeams ? bigTeamSize : 1 + prng.int(SMALL_TEAM_MAX);
    const parent =
      index % ROOT_EVERY === 0 ? undefined : teams[prng.int(index)].slug;
    teams.push({
      slug: `team-${pad(index + 1)}`,
      name: `Team ${pad(index + 1)}`,
      description: `Synthetic team ${index + 1}`,
      parentSlug: parent,
      id: TEAM_ID_BASE + index + 1,
      members: prng
        .distinct(size, memberCount)
        .map((memberIndex, position) => ({
          login: users[memberIndex].login,
          role: position === 0 ? 'MAINTAINER' : 'MEMBER',
        })),
    });
  }

  return {
    users,
    orgs: [
      {
        login: DEMO_GITHUB_ORG,
        id: 9000,
        name: 'Example Corp',
        verifiedDomains: ['example.com'],
        members: users.map((user, index) => ({
          login: user.login,
          role: index === 0 ? 'ADMIN' : 'MEMBER',
        })),
        teams,
      },
    ],
    tokens: [
      {
        token: DEMO_GITHUB_TOKEN,
        login: users[0]?.login ?? 'nobody',
        scopes: DEMO_GITHUB_TOKEN_SCOPES,
      },
    ],
    oauthApps: [
      {
        clientId: DEMO_GITHUB_CLIENT_ID,
        clientSecret: DEMO_GITHUB_CLIENT_SECRET,
        name: 'Identity & Access Portal (demo)',
      },
    ],
  };
}
