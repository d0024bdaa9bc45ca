import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  fakeClock,
  FakeCall,
  fakeGithub,
  FakeOrg,
  members,
} from './__testUtils__/fakeGithub';
import type { ClientStats } from './client/GithubGraphqlClient';
import { createGithubOrgSourceFactory } from './createGithubOrgSourceFactory';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const PATH = 'catalog.providers.orgSync.corp.sources.github.main';

function createSource(options: {
  source: JsonObject;
  integrations?: JsonObject;
}) {
  const clock = fakeClock();
  const logger = mockServices.logger.mock();
  const stats: ClientStats[] = [];
  const source = createGithubOrgSourceFactory({
    rootConfig: new ConfigReader({
      integrations: options.integrations ?? {
        github: [{ host: 'github.com', token: 'pat-123' }],
      },
    }),
    clock,
    retryTiming: { baseDelayMs: 100, maxDelayMs: 1000 },
    onStats: s => stats.push(s),
  }).create({
    providerId: 'corp',
    sourceId: 'main',
    config: new ConfigReader(options.source),
    configPath: PATH,
    logger,
  });
  const read = () => source.read({ signal: new AbortController().signal });
  return { source, read, clock, logger, stats };
}

const acme: FakeOrg = {
  members: [
    {
      id: 'U_ada',
      login: 'ada',
      name: 'Ada Lovelace',
      email: 'ada@personal.example',
      verified: ['ada@acme.example'],
    },
    { id: 'U_bob', login: 'bob', name: 'Bob', email: 'bob@personal.example' },
    { id: 'U_cy', login: 'cy' },
  ],
  teams: [
    {
      slug: 'platform',
      name: 'Platform',
      description: 'Runs the platform',
      members: ['U_ada', 'U_bob'],
      maintainers: ['U_ada'],
    },
    { slug: 'sre', name: 'SRE', parent: 'platform', members: ['U_cy'] },
    { slug: 'empty', name: 'Empty', members: [] },
  ],
};

const ops = (calls: FakeCall[]) => calls.map(c => c.operation);

describe('GithubOrgSource', () => {
  it('reads members and nested teams with maintainers and the preferred emails', async () => {
    const github = fakeGithub({ orgs: { acme } });
    server.use(github.handler);
    const { read } = createSource({ source: { orgs: ['acme'] } });

    const result = await read();

    expect(result.complete).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.users).toEqual([
      {
        key: 'U_ada',
        name: 'ada',
        displayName: 'Ada Lovelace',
        email: 'ada@acme.example',
        picture: 'https://avatars.example/ada',
        identifiers: { email: 'ada@acme.example' },
        annotations: {
          'github.com/user-login': 'ada',
          'github.com/user-id': 'U_ada',
        },
        fields: {},
        memberOf: [],
      },
      expect.objectContaining({
        key: 'U_bob',
        email: 'bob@personal.example',
        identifiers: { email: 'bob@personal.example' },
      }),
      expect.objectContaining({ key: 'U_cy', identifiers: {} }),
    ]);
    expect(result.users[2].email).toBeUndefined();
    expect(result.groups).toEqual([
      {
        key: 'acme/platform',
        name: 'platform',
        displayName: 'Platform',
        description: 'Runs the platform',
        picture: undefined,
        type: 'team',
        identifiers: {},
        annotations: {
          'github.com/team-slug': 'acme/platform',
          'github.com/team-maintainers': 'ada',
        },
        fields: {},
        parents: [],
        children: [],
        members: ['U_ada', 'U_bob'],
      },
      expect.objectContaining({
        key: 'acme/sre',
        parents: ['acme/platform'],
        members: ['U_cy'],
      }),
      expect.objectContaining({ key: 'acme/empty', members: [] }),
    ]);
    // A PAT reads public emails; github.com has no suspendedAt.
    const membersQuery = github.calls.find(c => c.operation === 'orgMembers')!;
    expect(membersQuery.query).toMatch(/\bemail\n/);
    expect(membersQuery.query).not.toMatch(/suspendedAt/);
    expect(membersQuery.authorization).toBe('bearer pat-123');
  });

  it('honours the email preference order and an empty list', async () => {
    server.use(fakeGithub({ orgs: { acme } }).handler);
    const publicFirst = await createSource({
      source: { orgs: ['acme'], emails: ['public', 'verifiedDomain'] },
    }).read();
    expect(publicFirst.users[0].email).toBe('ada@personal.example');
    const none = await createSource({
      source: { orgs: ['acme'], emails: [] },
    }).read();
    expect(none.users.map(u => u.email)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('leaves suspended users out on GitHub Enterprise and drops their memberships', async () => {
    const org: FakeOrg = {
      members: [
        ...acme.members,
        { id: 'U_gone', login: 'gone', suspendedAt: '2025-01-01T00:00:00Z' },
      ],
      teams: [{ slug: 't', name: 'T', members: ['U_ada', 'U_gone'] }],
    };
    const github = fakeGithub({
      orgs: { acme: org },
      url: 'https://ghe.example.com/api/graphql',
    });
    server.use(github.handler);
    const { read, logger } = createSource({
      source: { host: 'ghe.example.com', orgs: ['acme'] },
      integrations: {
        github: [
          {
            host: 'ghe.example.com',
            apiBaseUrl: 'https://ghe.example.com/api/v3',
            token: 'ghe-pat',
          },
        ],
      },
    });
    const result = await read();
    expect(result.complete).toBe(true);
    expect(result.users.map(u => u.name)).toEqual(['ada', 'bob', 'cy']);
    expect(result.groups[0].members).toEqual(['U_ada']);
    expect(github.calls[0].query).toMatch(/suspendedAt/);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('1 suspended user(s)'),
    );
  });

  it('keeps suspended users when excludeSuspended is false', async () => {
    const org: FakeOrg = {
      members: [{ id: 'U_gone', login: 'gone', suspendedAt: '2025-01-01' }],
      teams: [],
    };
    server.use(
      fakeGithub({
        orgs: { acme: org },
        url: 'https://ghe.example.com/api/graphql',
      }).handler,
    );
    const { read } = createSource({
      source: {
        host: 'ghe.example.com',
        orgs: ['acme'],
        users: { excludeSuspended: false },
      },
      integrations: {
        github: [
          {
            host: 'ghe.example.com',
            apiBaseUrl: 'https://ghe.example.com/api/v3',
            token: 'ghe-pat',
          },
        ],
      },
    });
    expect((await read()).users.map(u => u.name)).toEqual(['gone']);
  });

  it('reads further member pages of big teams, several teams per request', async () => {
    const people = members(25);
    const ids = people.map(p => p.id);
    const org: FakeOrg = {
      members: people,
      teams: [
        { slug: 'a', name: 'A', members: ids },
        { slug: 'b', name: 'B', members: ids.slice(0, 12) },
        { slug: 'c', name: 'C', members: ids.slice(0, 3) },
      ],
    };
    const github = fakeGithub({ orgs: { acme: org } });
    server.use(github.handler);
    const { read, stats } = createSource({
      source: {
        orgs: ['acme'],
        pageSizes: { members: 10, teams: 2, teamMembers: 5 },
      },
    });
    const result = await read();
    expect(result.complete).toBe(true);
    expect(result.groups.map(g => [g.key, g.members.length])).toEqual([
      ['acme/a', 25],
      ['acme/b', 12],
      ['acme/c', 3],
    ]);
    expect(result.groups[0].members).toEqual(ids);
    // members 3 pages, teams 2 pages, further pages: a 2-5 and b 2-3 in
    // rounds [a,b] [a,b] [a] [a] = 4 requests.
    expect(ops(github.calls).sort()).toEqual(
      [
        ...Array(3).fill('orgMembers'),
        ...Array(2).fill('orgTeams'),
        ...Array(4).fill('teamMembers'),
      ].sort(),
    );
    expect(stats[0].requests).toBe(9);
    const firstBatch = github.calls.find(c => c.operation === 'teamMembers')!;
    expect(firstBatch.variables).toMatchObject({ s0: 'a', s1: 'b' });
  });

  it('keeps a person in two orgs as one user and names groups per org', async () => {
    const other: FakeOrg = {
      members: [
        { id: 'U_ada', login: 'ada', verified: ['ada@other.example'] },
        { id: 'U_zed', login: 'zed' },
      ],
      teams: [{ slug: 'platform', name: 'Platform', members: ['U_ada'] }],
    };
    server.use(fakeGithub({ orgs: { acme, other } }).handler);
    const result = await createSource({
      source: { orgs: ['acme', 'other'] },
    }).read();
    expect(result.users.map(u => u.key)).toEqual([
      'U_ada',
      'U_bob',
      'U_cy',
      'U_zed',
    ]);
    expect(result.users[0].email).toBe('ada@acme.example');
    expect(result.groups.map(g => [g.key, g.name])).toEqual([
      ['acme/platform', 'acme-platform'],
      ['acme/sre', 'acme-sre'],
      ['acme/empty', 'acme-empty'],
      ['other/platform', 'other-platform'],
    ]);
  });

  it('applies teams.include and teams.exclude', async () => {
    server.use(fakeGithub({ orgs: { acme } }).handler);
    const result = await createSource({
      source: {
        orgs: ['acme'],
        teams: { include: ['plat*', 'sre', 'empty'], exclude: ['EMP*'] },
      },
    }).read();
    expect(result.groups.map(g => g.key)).toEqual([
      'acme/platform',
      'acme/sre',
    ]);
  });

  describe('throttling and retries', () => {
    it('waits as long as retry-after says on a secondary rate limit, then loses nothing', async () => {
      const github = fakeGithub({
        orgs: { acme },
        intercept: (_call, index) =>
          index === 1
            ? HttpResponse.json(
                {
                  message:
                    'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
                },
                { status: 403, headers: { 'retry-after': '7' } },
              )
            : undefined,
      });
      server.use(github.handler);
      const { read, clock, stats } = createSource({
        source: { orgs: ['acme'] },
      });
      const result = await read();
      expect(result.complete).toBe(true);
      expect(result.users).toHaveLength(3);
      expect(result.groups).toHaveLength(3);
      expect(clock.sleeps.some(ms => ms >= 6900 && ms <= 7000)).toBe(true);
      expect(stats[0].rateLimitWaits).toBe(1);
    });

    it('waits a minute on a secondary rate limit without retry-after', async () => {
      const github = fakeGithub({
        orgs: { acme },
        intercept: (_call, index) =>
          index === 1
            ? HttpResponse.json(
                { message: 'You have exceeded a secondary rate limit.' },
                { status: 403 },
              )
            : undefined,
      });
      server.use(github.handler);
      const { read, clock } = createSource({ source: { orgs: ['acme'] } });
      expect((await read()).complete).toBe(true);
      expect(Math.max(...clock.sleeps)).toBeGreaterThanOrEqual(59_000);
    });

    it('waits until x-ratelimit-reset when the primary limit is used up', async () => {
      let clockNow = 0;
      const github = fakeGithub({
        orgs: { acme },
        intercept: (_call, index) =>
          index === 2
            ? HttpResponse.json(
                { message: 'API rate limit exceeded for user ID 1.' },
                {
                  status: 403,
                  headers: {
                    'x-ratelimit-remaining': '0',
                    'x-ratelimit-reset': String(
                      Math.floor(clockNow / 1000) + 120,
                    ),
                  },
                },
              )
            : undefined,
      });
      server.use(github.handler);
      const { read, clock } = createSource({ source: { orgs: ['acme'] } });
      clockNow = clock.now();
      const result = await read();
      expect(result.complete).toBe(true);
      expect(result.users).toHaveLength(3);
      const longest = Math.max(...clock.sleeps);
      expect(longest).toBeGreaterThan(119_000);
      expect(longest).toBeLessThanOrEqual(120_000);
    });

    it('gives up a request whose rate-limit wait is longer than retry.maxWaitSeconds', async () => {
      server.use(
        fakeGithub({
          orgs: { acme },
          intercept: call =>
            call.operation === 'orgTeams'
              ? HttpResponse.json(
                  { message: 'secondary rate limit' },
                  { status: 403, headers: { 'retry-after': '3600' } },
                )
              : undefined,
        }).handler,
      );
      const result = await createSource({
        source: { orgs: ['acme'], retry: { maxWaitSeconds: 60 } },
      }).read();
      expect(result.complete).toBe(false);
      expect(result.problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          code: 'teams-page-failed',
          message: expect.stringMatching(
            /Teams of GitHub org 'acme' .* page 1 was given up: .*wait 3600 s/,
          ),
        }),
      ]);
    });

    it('retries server errors with growing, jittered backoff', async () => {
      const github = fakeGithub({
        orgs: { acme },
        intercept: (call, index) =>
          call.operation === 'orgMembers' && index <= 4
            ? HttpResponse.json({ message: 'boom' }, { status: 500 })
            : undefined,
      });
      server.use(github.handler);
      const spy = jest.spyOn(Math, 'random').mockReturnValue(1);
      try {
        const { read, clock } = createSource({
          source: { orgs: ['acme'], maxRequestsPerSecond: 100 },
        });
        const result = await read();
        expect(result.complete).toBe(true);
        const backoffs = clock.sleeps.filter(ms => ms >= 100);
        expect(backoffs.slice(0, 2)).toEqual([100, 200]);
      } finally {
        spy.mockRestore();
      }
    });

    it('shrinks the page size on a 502 and grows it back afterwards', async () => {
      const org: FakeOrg = { members: members(50), teams: [] };
      let failed = false;
      const github = fakeGithub({
        orgs: { acme: org },
        intercept: call => {
          if (
            call.operation === 'orgMembers' &&
            call.variables.after === '8' &&
            !failed
          ) {
            failed = true;
            return HttpResponse.json(
              { message: "We couldn't respond to your request in time." },
              { status: 502 },
            );
          }
          return undefined;
        },
      });
      server.use(github.handler);
      const result = await createSource({
        source: { orgs: ['acme'], pageSizes: { members: 8 } },
      }).read();
      expect(result.complete).toBe(true);
      expect(result.users).toHaveLength(50);
      const firsts = github.calls
        .filter(c => c.operation === 'orgMembers')
        .map(c => c.variables.first);
      expect(firsts).toEqual([8, 8, 4, 4, 8, 8, 8, 8, 8]);
    });

    it('shrinks the inline team members page on RESOURCE_LIMITS_EXCEEDED', async () => {
      const github = fakeGithub({
        orgs: { acme },
        intercept: call =>
          call.operation === 'orgTeams' && call.variables.membersFirst > 25
            ? HttpResponse.json({
                errors: [
                  {
                    type: 'RESOURCE_LIMITS_EXCEEDED',
                    message: 'Resource limits for this query exceeded.',
                  },
                ],
              })
            : undefined,
      });
      server.use(github.handler);
      const result = await createSource({
        source: { orgs: ['acme'], pageSizes: { teams: 50, teamMembers: 100 } },
      }).read();
      expect(result.complete).toBe(true);
      expect(result.groups).toHaveLength(3);
      const teamCalls = github.calls.filter(c => c.operation === 'orgTeams');
      expect(teamCalls.map(c => c.variables.membersFirst)).toEqual([
        100, 50, 25,
      ]);
    });
  });

  describe('partial reads', () => {
    it('marks the read partial and names the org and page when a members page is given up', async () => {
      const org: FakeOrg = {
        members: members(6),
        teams: [
          { slug: 'early', name: 'Early', members: ['U_1', 'U_2'] },
          { slug: 'late', name: 'Late', members: ['U_1', 'U_6'] },
        ],
      };
      server.use(
        fakeGithub({
          orgs: { acme: org },
          intercept: call =>
            call.operation === 'orgMembers' && call.variables.after
              ? HttpResponse.json({ message: 'down' }, { status: 503 })
              : undefined,
        }).handler,
      );
      const result = await createSource({
        source: {
          orgs: ['acme'],
          pageSizes: { members: 3 },
          retry: { attempts: 3 },
        },
      }).read();
      expect(result.complete).toBe(false);
      expect(result.users.map(u => u.key)).toEqual(['U_1', 'U_2', 'U_3']);
      expect(result.groups.map(g => g.key)).toEqual(['acme/early']);
      expect(result.problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          code: 'members-page-failed',
          entry: 'acme',
          message: expect.stringMatching(
            /Members of GitHub org 'acme' were read up to page 1; page 2 was given up: Gave up on members of acme, page 2 after 3 attempts: HTTP 503: down/,
          ),
        }),
        expect.objectContaining({
          severity: 'error',
          code: 'team-members-unknown',
          key: 'acme/late',
        }),
      ]);
    });

    it('reports a team whose further member pages failed with its key and leaves it out', async () => {
      const people = members(6);
      const org: FakeOrg = {
        members: people,
        teams: [
          { slug: 'big', name: 'Big', members: people.map(p => p.id) },
          { slug: 'child', name: 'Child', parent: 'big', members: ['U_1'] },
        ],
      };
      server.use(
        fakeGithub({
          orgs: { acme: org },
          intercept: call =>
            call.operation === 'teamMembers'
              ? HttpResponse.json({ message: 'down' }, { status: 500 })
              : undefined,
        }).handler,
      );
      const result = await createSource({
        source: {
          orgs: ['acme'],
          pageSizes: { teamMembers: 4 },
          retry: { attempts: 2 },
        },
      }).read();
      expect(result.complete).toBe(false);
      expect(result.users).toHaveLength(6);
      expect(result.groups.map(g => g.key)).toEqual(['acme/child']);
      expect(result.problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          code: 'team-members-page-failed',
          key: 'acme/big',
          entry: 'acme/big',
          message: expect.stringContaining('page 2 was given up'),
        }),
      ]);
    });

    it('keeps teams whose parent was not read out when the teams list is incomplete', async () => {
      const org: FakeOrg = {
        members: members(2),
        teams: [
          { slug: 'a', name: 'A', members: [] },
          { slug: 'b', name: 'B', parent: 'c', members: [] },
          { slug: 'c', name: 'C', members: [] },
        ],
      };
      server.use(
        fakeGithub({
          orgs: { acme: org },
          intercept: call =>
            call.operation === 'orgTeams' && call.variables.after
              ? HttpResponse.json({ message: 'x' }, { status: 500 })
              : undefined,
        }).handler,
      );
      const result = await createSource({
        source: {
          orgs: ['acme'],
          pageSizes: { teams: 2 },
          retry: { attempts: 1 },
        },
      }).read();
      expect(result.complete).toBe(false);
      expect(result.groups.map(g => g.key)).toEqual(['acme/a']);
      expect(result.problems.map(p => [p.code, p.key])).toEqual([
        ['teams-page-failed', undefined],
        ['team-parent-unread', 'acme/b'],
      ]);
    });

    it('reads the other orgs when one cannot be read, as a partial read', async () => {
      server.use(fakeGithub({ orgs: { acme } }).handler);
      const result = await createSource({
        source: { orgs: ['acme', 'missing-org'] },
      }).read();
      expect(result.complete).toBe(false);
      expect(result.users).toHaveLength(3);
      expect(result.problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          code: 'org-unreadable',
          entry: 'missing-org',
          message: expect.stringContaining(
            "could not be read: GitHub refused members of missing-org, page 1: NOT_FOUND: Could not resolve to an Organization with the login of 'missing-org'",
          ),
        }),
      ]);
    });

    it('throws when no org could be read', async () => {
      server.use(
        fakeGithub({
          orgs: {},
          intercept: () =>
            HttpResponse.json({ message: 'Bad credentials' }, { status: 401 }),
        }).handler,
      );
      await expect(
        createSource({ source: { orgs: ['acme'] } }).read(),
      ).rejects.toThrow(
        /No GitHub org of catalog\.providers\.orgSync\.corp\.sources\.github\.main could be read.*acme: GitHub refused members of acme, page 1: HTTP 401: Bad credentials/,
      );
    });
  });
});
