import { DemoOrg } from '@internal/demo-org';
import { demoTokenExpiry } from '../common/demoTokenExpiry';
import {
  DEMO_GITHUB_CLIENT_ID,
  DEMO_GITHUB_CLIENT_SECRET,
  DEMO_GITHUB_ORG,
  DEMO_GITHUB_TOKEN,
  DEMO_GITHUB_TOKEN_SCOPES,
  GITHUB_OUTSIDER,
  GithubFixture,
  GithubFixtureTeam,
  GithubFixtureUser,
  githubNodeId,
} from './fixture';

/** Timestamp used as `suspendedAt` of disabled demo people. */
const SUSPENDED_AT = '2026-01-15T09:00:00Z';
const TEAM_ID_BASE = 3000;

/**
 * The GitHub side of the demo organisation: org `example-corp` whose members
 * are the people with a `github` account (disabled people suspended), the
 * demo teams (first member in file order is maintainer), and one account
 * outside the org, `outsider-octocat`. Accepts the demo OAuth app and PAT.
 */
export function githubFixtureFromDemoOrg(org: DemoOrg): GithubFixture {
  const users: GithubFixtureUser[] = [];
  const teamMembers = new Map<string, string[]>(
    org.teams.map(team => [team.id, []]),
  );
  for (const person of org.people) {
    if (!person.github) {
      continue;
    }
    users.push({
      id: person.github.id,
      nodeId: person.github.nodeId,
      login: person.github.login,
      name: person.displayName,
      publicEmail: person.email,
      emails: [{ email: person.email, verified: true, primary: true }],
      suspendedAt: person.disabled ? SUSPENDED_AT : undefined,
    });
    for (const team of person.teams) {
      teamMembers.get(team)?.push(person.github.login);
    }
  }
  const memberLogins = users.map(user => user.login);
  const teams: GithubFixtureTeam[] = org.teams.map((team, index) => ({
    slug: team.id,
    name: team.name,
    description: team.description,
    parentSlug: team.parent,
    id: TEAM_ID_BASE + index + 1,
    members: (teamMembers.get(team.id) ?? []).map((login, position) => ({
      login,
      role: position === 0 ? 'MAINTAINER' : 'MEMBER',
    })),
  }));
  const admins = new Set(
    org.people
      .filter(person => person.github && person.roles.includes('admin'))
      .map(person => person.github!.login),
  );
  users.push({
    id: GITHUB_OUTSIDER.id,
    nodeId: githubNodeId('User', GITHUB_OUTSIDER.id),
    login: GITHUB_OUTSIDER.login,
    name: 'Outsider Octocat',
    publicEmail: GITHUB_OUTSIDER.email,
    emails: [{ email: GITHUB_OUTSIDER.email, verified: true, primary: true }],
  });
  return {
    users,
    orgs: [
      {
        login: DEMO_GITHUB_ORG,
        id: 9000,
        name: org.company.name,
        verifiedDomains: [org.company.emailDomain],
        members: memberLogins.map(login => ({
          login,
          role: admins.has(login) ? 'ADMIN' : 'MEMBER',
        })),
        teams,
      },
    ],
    tokens: [
      {
        token: DEMO_GITHUB_TOKEN,
        login: memberLogins[0],
        scopes: DEMO_GITHUB_TOKEN_SCOPES,
        expiresAt: demoTokenExpiry().toISOString(),
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
