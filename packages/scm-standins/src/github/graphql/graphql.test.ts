import { loadDemoOrg } from '@internal/demo-org';
import { dirname, join } from 'node:path';
import { graphql } from '../../__testUtils__/http';
import { RunningStandin } from '../../types';
import { githubFixtureFromDemoOrg } from '../demoFixture';
import { startGithubStandin } from '../server';

/** Upstream's GitHub org code (its `lib` is not exported, so it is loaded by path). */
function upstreamGithubLib() {
  const main = require.resolve(
    '@backstage/plugin-catalog-backend-module-github',
  );
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(dirname(main), 'lib', 'github.cjs.js'));
}

const demoOrg = loadDemoOrg();
const githubPeople = demoOrg.people.filter(person => person.github);

describe('GitHub stand-in GraphQL', () => {
  let standin: RunningStandin;

  beforeAll(async () => {
    standin = await startGithubStandin({
      fixture: githubFixtureFromDemoOrg(demoOrg),
    });
  });

  afterAll(() => standin.stop());

  it('rejects a query that does not match GitHub’s schema, with GitHub’s error shape', async () => {
    const { status, body } = await graphql(
      standin.url,
      'query { organization(login: "example-corp") { login membersCount } }',
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      errors: [
        {
          message: "Field 'membersCount' doesn't exist on type 'Organization'",
          locations: [{ line: 1, column: 53 }],
        },
      ],
    });

    const syntax = await graphql(standin.url, 'query { organization( }');
    expect(syntax.body.data).toBeUndefined();
    expect(syntax.body.errors[0].locations).toBeDefined();

    const missingArgument = await graphql(
      standin.url,
      'query { organization { login } }',
    );
    expect(missingArgument.body.errors[0].message).toContain('login');
  });

  it('enforces GitHub’s pagination limits', async () => {
    const tooMany = await graphql(
      standin.url,
      'query($n: Int!) { organization(login: "example-corp") { membersWithRole(first: $n) { totalCount } } }',
      { n: 101 },
    );
    expect(tooMany.body.errors).toEqual([
      expect.objectContaining({
        type: 'EXCESSIVE_PAGINATION',
        path: ['organization', 'membersWithRole'],
        message:
          'Requesting 101 records on the `membersWithRole` connection exceeds the `first` limit of 100 records.',
      }),
    ]);
    const missing = await graphql(
      standin.url,
      'query { organization(login: "example-corp") { teams { totalCount } } }',
    );
    expect(missing.body.errors[0].type).toBe('MISSING_PAGINATION_BOUNDARIES');
  });

  it('requires a valid token', async () => {
    const { status, body } = await graphql(
      standin.url,
      '{ viewer { login } }',
      {},
      'not-a-token',
    );
    expect(status).toBe(401);
    expect(body.message).toBe('Bad credentials');
  });

  it('walks every org member exactly once with cursors', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { body }: { body: any } = await graphql(
        standin.url,
        `
          query members($cursor: String) {
            organization(login: "example-corp") {
              membersWithRole(first: 4, after: $cursor) {
                totalCount
                pageInfo {
                  hasNextPage
                  endCursor
                }
                edges {
                  role
                  node {
                    login
                  }
                }
              }
            }
          }
        `,
        { cursor },
      );
      const connection = body.data.organization.membersWithRole;
      expect(connection.totalCount).toBe(githubPeople.length);
      seen.push(
        ...connection.edges.map((edge: any) => edge.node.login as string),
      );
      cursor = connection.pageInfo.hasNextPage
        ? connection.pageInfo.endCursor
        : null;
      pages += 1;
    } while (cursor);
    expect(seen.sort()).toEqual(githubPeople.map(p => p.github!.login).sort());
    expect(pages).toBe(Math.ceil(githubPeople.length / 4));
  });

  it('serves teams with parents, children, roles and inherited members', async () => {
    const { body } = await graphql(
      standin.url,
      `
        {
          organization(login: "example-corp") {
            team(slug: "platform-team") {
              slug
              combinedSlug
              databaseId
              id
              parentTeam {
                slug
              }
              childTeams(first: 10) {
                nodes {
                  slug
                }
              }
              all: childTeams(first: 10, immediateOnly: false) {
                nodes {
                  slug
                }
              }
              direct: members(first: 100, membership: IMMEDIATE) {
                edges {
                  role
                  node {
                    login
                  }
                }
              }
              everyone: members(first: 100, membership: ALL) {
                totalCount
              }
              maintainers: members(first: 100, role: MAINTAINER) {
                nodes {
                  login
                }
              }
            }
            roots: teams(first: 100, rootTeamsOnly: true) {
              nodes {
                slug
              }
            }
            zoes: teams(first: 100, userLogins: ["zoe-hoffmann"]) {
              nodes {
                slug
              }
            }
          }
        }
      `,
    );
    expect(body.errors).toBeUndefined();
    const team = body.data.organization.team;
    const directPeople = githubPeople.filter(p =>
      p.teams.includes('platform-team'),
    );
    const below = ['sre', 'sre-oncall'];
    const inherited = githubPeople.filter(
      p =>
        !p.teams.includes('platform-team') &&
        p.teams.some(t => below.includes(t)),
    );
    expect(team).toMatchObject({
      slug: 'platform-team',
      combinedSlug: 'example-corp/platform-team',
      parentTeam: { slug: 'engineering' },
      childTeams: { nodes: [{ slug: 'sre' }] },
      all: { nodes: [{ slug: 'sre' }, { slug: 'sre-oncall' }] },
      everyone: { totalCount: directPeople.length + inherited.length },
      maintainers: { nodes: [{ login: directPeople[0].github!.login }] },
    });
    expect(team.direct.edges.map((e: any) => e.role)).toEqual(
      directPeople.map((_, i) => (i === 0 ? 'MAINTAINER' : 'MEMBER')),
    );
    expect(body.data.organization.roots.nodes.map((n: any) => n.slug)).toEqual(
      demoOrg.teams.filter(t => !t.parent).map(t => t.id),
    );
    expect(body.data.organization.zoes.nodes.map((n: any) => n.slug)).toEqual([
      'platform-team',
      'admins',
    ]);
  });

  it('resolves viewer, user, node ids, verified domain emails and rateLimit', async () => {
    const { body, headers } = await graphql(
      standin.url,
      `
        query check {
          viewer {
            login
          }
          user(login: "outsider-octocat") {
            databaseId
            organizationVerifiedDomainEmails(login: "example-corp")
          }
          node(id: "MDQ6VXNlcjEwMDAx") {
            ... on User {
              login
              organizationVerifiedDomainEmails(login: "example-corp")
            }
          }
          rateLimit {
            cost
            limit
            remaining
            used
            nodeCount
            resetAt
          }
        }
      `,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toMatchObject({
      viewer: { login: 'zoe-hoffmann' },
      user: { databaseId: 19999, organizationVerifiedDomainEmails: [] },
      node: {
        login: 'zoe-hoffmann',
        organizationVerifiedDomainEmails: ['zoe.hoffmann@example.com'],
      },
      rateLimit: { cost: 1, limit: 5000, nodeCount: 0 },
    });
    expect(headers.get('x-ratelimit-resource')).toBe('graphql');
    expect(Number(headers.get('x-ratelimit-remaining'))).toBe(
      body.data.rateLimit.remaining,
    );
    expect(standin.requests.list().at(-1)?.operation).toBe('check');
  });

  it('marks disabled people as suspended', async () => {
    const disabled = githubPeople.find(p => p.disabled)!;
    const { body } = await graphql(
      standin.url,
      'query($login: String!) { user(login: $login) { suspendedAt } }',
      { login: disabled.github!.login },
    );
    expect(body.data.user.suspendedAt).toEqual(expect.any(String));
  });

  // Upstream's throttled Octokit spaces GraphQL requests one second apart.
  it('answers every query of upstream’s github-org provider', async () => {
    const lib = upstreamGithubLib();
    const client = lib.createGraphqlClient({
      headers: { authorization: 'token demo-github-token' },
      baseUrl: `${standin.url}/api/v3`,
      logger: { warn: () => {} },
    });
    const { users } = await lib.getOrganizationUsers(
      client,
      'example-corp',
      'token',
      undefined,
      undefined,
      true,
    );
    expect(users).toHaveLength(githubPeople.filter(p => !p.disabled).length);
    expect(users[0].metadata.annotations['github.com/user-id']).toBe(
      'MDQ6VXNlcjEwMDAx',
    );
    const { teams } = await lib.getOrganizationTeams(client, 'example-corp');
    expect(teams).toHaveLength(demoOrg.teams.length);
    const fromUsers = await lib.getOrganizationTeamsFromUsers(
      client,
      'example-corp',
      ['zoe-hoffmann'],
    );
    expect(fromUsers.teams).toHaveLength(2);
    const forUser = await lib.getOrganizationTeamsForUser(
      client,
      'example-corp',
      'zoe-hoffmann',
      async (team: any) => team,
    );
    expect(forUser.teams).toHaveLength(2);
    const { orgs } = await lib.getOrganizationsFromUser(client, 'zoe-hoffmann');
    expect(orgs).toEqual(['example-corp']);
    const { team } = await lib.getOrganizationTeam(
      client,
      'example-corp',
      'sre',
    );
    expect(team.metadata.name).toBe('sre');
    const { members } = await lib.getTeamMembers(client, 'example-corp', 'sre');
    expect(members.length).toBe(
      githubPeople.filter(p => p.teams.includes('sre')).length,
    );
  }, 20_000);
});
