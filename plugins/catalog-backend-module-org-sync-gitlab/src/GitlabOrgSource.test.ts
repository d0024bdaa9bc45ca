import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  API,
  createFakeGitlab,
  FakeGitlab,
  group,
  handlers,
  member,
  TOKEN,
} from './__testUtils__/fakeGitlab';
import type { ScmCredentialsService } from '@identity-portal/plugin-scm-integrations-node';
import { createGitlabOrgSourceFactory } from './createGitlabOrgSourceFactory';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const PATH = 'catalog.providers.orgSync.corp.sources.gitlab.main';

function tree() {
  return createFakeGitlab(
    [
      group(1, 'acme', null),
      group(2, 'acme/platform', 1),
      group(3, 'acme/platform/sre', 2),
      group(4, 'acme/web', 1),
      group(5, 'acme/empty', 1),
    ],
    {
      1: [member(100, 'ada', { access_level: 50 })],
      2: [
        member(101, 'bob'),
        member(102, 'cy', { email: null, public_email: 'Cy@Public.example' }),
      ],
      3: [member(101, 'bob'), member(103, 'dee')],
      4: [member(104, 'eve'), member(105, 'fay'), member(106, 'gus')],
    },
  );
}

/** Builds a source on the fake, recording every wait it asks for. */
function source(fake: FakeGitlab, config: object = {}) {
  server.use(...handlers(fake));
  const waits: number[] = [];
  const created = createGitlabOrgSourceFactory({
    rootConfig: new ConfigReader({
      integrations: {
        gitlab: [{ host: 'gitlab.example.com', apiBaseUrl: API, token: TOKEN }],
      },
    }),
    timing: { backoffBaseMs: 1, backoffMaxMs: 4 },
    sleep: async ms => {
      waits.push(ms);
    },
  }).create({
    providerId: 'corp',
    sourceId: 'main',
    config: new ConfigReader({
      host: 'gitlab.example.com',
      group: 'acme',
      pageSize: 2,
      ...config,
    }),
    configPath: PATH,
    logger: mockServices.logger.mock(),
  });
  return {
    waits,
    read: () => created.read({ signal: new AbortController().signal }),
  };
}

const byKey = <T extends { key: string }>(items: T[]) =>
  Object.fromEntries(items.map(i => [i.key, i]));

describe('GitlabOrgSource', () => {
  it('reads the group tree and its direct members', async () => {
    const fake = tree();
    const result = await source(fake).read();

    expect(result.complete).toBe(true);
    expect(result.problems).toEqual([]);
    const groups = byKey(result.groups);
    expect(Object.keys(groups).sort()).toEqual(['1', '2', '3', '4', '5']);
    expect(groups['1']).toEqual({
      key: '1',
      name: 'acme',
      displayName: 'Group acme',
      description: 'About acme',
      type: 'team',
      identifiers: {},
      annotations: { 'gitlab.example.com/group-path': 'acme' },
      fields: {},
      parents: [],
      children: ['2', '4', '5'],
      members: ['100'],
    });
    expect(groups['3']).toMatchObject({
      name: 'platform-sre',
      parents: ['2'],
      members: ['101', '103'],
    });
    // Empty groups are kept.
    expect(groups['5']).toMatchObject({
      name: 'empty',
      members: [],
      parents: ['1'],
    });

    const users = byKey(result.users);
    expect(Object.keys(users).sort()).toEqual([
      '100',
      '101',
      '102',
      '103',
      '104',
      '105',
      '106',
    ]);
    expect(users['101']).toEqual({
      key: '101',
      name: 'bob',
      displayName: 'Name bob',
      email: 'bob@example.com',
      picture: 'https://gitlab.example.com/uploads/bob.png',
      identifiers: { email: 'bob@example.com' },
      annotations: {
        'gitlab.example.com/user-id': '101',
        'gitlab.example.com/user-login': 'bob',
      },
      fields: {},
      memberOf: ['2', '3'],
    });
    // Without a visible email, the public email is used.
    expect(users['102']).toMatchObject({
      email: 'Cy@Public.example',
      identifiers: { email: 'Cy@Public.example' },
    });
    // Offset pages followed through Link rel=next: three pages of eve, fay, gus.
    expect(
      fake.requests.filter(r => r.startsWith('/groups/4/members')),
    ).toEqual([
      '/groups/4/members?per_page=2',
      '/groups/4/members?per_page=2&page=2',
    ]);
    // Never the whole instance.
    expect(fake.requests.some(r => r.startsWith('/users'))).toBe(false);
  });

  it('asks the SCM credentials broker once per read and sends its headers on every request', async () => {
    const fake = tree();
    server.use(...handlers(fake));
    const scmCredentials: ScmCredentialsService = {
      getCredentials: jest.fn(async () => ({
        headers: { Authorization: `Bearer ${TOKEN}` },
        token: TOKEN,
        identity: {
          kind: 'service' as const,
          host: 'gitlab.example.com',
          integrationType: 'gitlab' as const,
          credential: 'gitlab-token' as const,
        },
      })),
    };
    const created = createGitlabOrgSourceFactory({
      rootConfig: new ConfigReader({
        integrations: {
          gitlab: [
            { host: 'gitlab.example.com', apiBaseUrl: API, token: 'unused' },
          ],
        },
      }),
      scmCredentials,
    }).create({
      providerId: 'corp',
      sourceId: 'main',
      config: new ConfigReader({ host: 'gitlab.example.com', group: 'acme' }),
      configPath: PATH,
      logger: mockServices.logger.mock(),
    });
    const result = await created.read({ signal: new AbortController().signal });
    expect(result.complete).toBe(true);
    expect(fake.requests.length).toBeGreaterThan(3);
    expect(scmCredentials.getCredentials).toHaveBeenCalledTimes(1);
    expect(scmCredentials.getCredentials).toHaveBeenCalledWith({ url: API });
  });

  it('follows keyset links (id_after) to the last page', async () => {
    const fake = tree();
    fake.paging = 'keyset';
    const result = await source(fake).read();
    expect(byKey(result.groups)['4'].members).toEqual(['104', '105', '106']);
    expect(
      fake.requests.filter(r => r.startsWith('/groups/4/members')),
    ).toEqual([
      '/groups/4/members?per_page=2',
      '/groups/4/members?per_page=2&id_after=105',
    ]);
  });

  it('follows X-Next-Page when there is no Link header', async () => {
    const fake = tree();
    fake.paging = 'next-page-header';
    const result = await source(fake).read();
    expect(byKey(result.groups)['4'].members).toEqual(['104', '105', '106']);
    expect(result.groups).toHaveLength(5);
  });

  it('stays on the configured API when a Link points at another host', async () => {
    const fake = tree();
    let redirected = false;
    fake.intercept = url => {
      if (
        url.pathname.endsWith('/groups/4/members') &&
        !url.searchParams.has('page')
      ) {
        redirected = true;
        return HttpResponse.json([member(104, 'eve')], {
          headers: {
            link: '<https://evil.example.com/api/v4/groups/4/members?page=2&per_page=2>; rel="next"',
          },
        });
      }
      return undefined;
    };
    const result = await source(fake).read();
    expect(redirected).toBe(true);
    expect(fake.requests).toContain('/groups/4/members?page=2&per_page=2');
    expect(byKey(result.groups)['4'].members).toEqual(['104', '106']);
  });

  it('waits as long as Retry-After says on 429, then goes on', async () => {
    const fake = tree();
    fake.intercept = (_url, count) =>
      count === 3
        ? HttpResponse.json(
            { message: 'Retry later' },
            { status: 429, headers: { 'retry-after': '7' } },
          )
        : undefined;
    const { waits, read } = source(fake);
    const result = await read();
    expect(waits).toEqual([7000]);
    expect(result.complete).toBe(true);
    expect(result.users).toHaveLength(7);
  });

  it('waits until the rate-limit reset on a used-up 403', async () => {
    const fake = tree();
    const reset = Math.ceil(Date.now() / 1000) + 120;
    fake.intercept = (_url, count) =>
      count === 2
        ? HttpResponse.json(
            { message: 'rate limited' },
            {
              status: 403,
              headers: {
                'ratelimit-remaining': '0',
                'ratelimit-reset': String(reset),
              },
            },
          )
        : undefined;
    const { waits, read } = source(fake);
    const result = await read();
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(100_000);
    expect(waits[0]).toBeLessThanOrEqual(121_000);
    expect(result.complete).toBe(true);
  });

  it('retries 5xx with growing backoff and gives up after maxRetries', async () => {
    const fake = tree();
    let failures = 0;
    fake.intercept = url => {
      if (url.pathname.endsWith('/groups/3/members') && failures < 2) {
        failures++;
        // GitLab puts RateLimit-* on every answer; a 502 is no rate limit.
        return HttpResponse.json(
          { message: 'bad gateway' },
          {
            status: 502,
            headers: {
              'ratelimit-remaining': '1999',
              'ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 60),
            },
          },
        );
      }
      return undefined;
    };
    const { waits, read } = source(fake);
    const result = await read();
    expect(result.complete).toBe(true);
    expect(waits).toHaveLength(2);
    expect(waits[1]).toBeGreaterThanOrEqual(1);
    expect(waits[1]).toBeLessThanOrEqual(2);
  });

  it('makes the read partial when one group’s members fail, naming it with its key', async () => {
    const fake = tree();
    fake.intercept = url =>
      url.pathname.endsWith('/groups/2/members')
        ? HttpResponse.json(
            { message: '500 Internal Server Error' },
            { status: 500 },
          )
        : undefined;
    const { waits, read } = source(fake, { maxRetries: 2 });
    const result = await read();

    expect(result.complete).toBe(false);
    expect(waits).toHaveLength(2);
    expect(result.problems).toEqual([
      {
        severity: 'error',
        code: 'group-members-failed',
        entry: 'acme/platform',
        key: '2',
        message:
          'The members of GitLab group acme/platform could not be read; the group stays as last committed: GitLab answered 500 to GET /groups/2/members: 500 Internal Server Error',
      },
    ]);
    // The group is left out so that the engine keeps its last committed
    // version; the other groups and their members are there.
    expect(Object.keys(byKey(result.groups)).sort()).toEqual([
      '1',
      '3',
      '4',
      '5',
    ]);
    expect(byKey(result.users)['102']).toBeUndefined();
    expect(byKey(result.users)['101'].memberOf).toEqual(['3']);
  });

  it('reports a group past GitLab’s offset limit as its own failure', async () => {
    const fake = tree();
    fake.intercept = url =>
      url.pathname.endsWith('/groups/4/members') &&
      url.searchParams.get('page') === '2'
        ? HttpResponse.json(
            {
              message:
                'Offset pagination has a maximum allowed offset of 50000 for requests that return objects of type Member. Remaining records can be retrieved using keyset pagination.',
            },
            { status: 405 },
          )
        : undefined;
    const result = await source(fake).read();
    expect(result.complete).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({
        key: '4',
        message: expect.stringContaining(
          'could not be read (the group has more members than GitLab lets an offset-paginated list return)',
        ),
      }),
    ]);
  });

  it('refuses a Retry-After longer than it waits', async () => {
    const fake = tree();
    fake.intercept = url =>
      url.pathname.endsWith('/groups/4/members')
        ? HttpResponse.json(
            {},
            { status: 429, headers: { 'retry-after': '86400' } },
          )
        : undefined;
    const { waits, read } = source(fake);
    const result = await read();
    expect(waits).toEqual([]);
    expect(result.problems[0].message).toContain(
      'GitLab asks to wait 86400 s, longer than the 300 s this source waits',
    );
  });

  it('leaves out blocked users and bots unless told otherwise', async () => {
    const fake = tree();
    fake.members.set(5, [
      member(200, 'gone', { state: 'blocked' }),
      member(201, 'banned', { state: 'banned' }),
      member(202, 'project_7_bot_1a2b3c'),
      member(203, 'svc', { bot: true }),
      member(204, 'waiting', { membership_state: 'awaiting' }),
      member(205, 'hal'),
    ]);
    const strict = await source(fake).read();
    expect(byKey(strict.groups)['5'].members).toEqual(['205']);
    expect(strict.users.map(u => u.key)).not.toEqual(
      expect.arrayContaining(['200']),
    );

    const lax = await source(fake, {
      users: { excludeBlocked: false, excludeBots: false },
    }).read();
    expect(byKey(lax.groups)['5'].members).toEqual([
      '200',
      '201',
      '202',
      '203',
      '205',
    ]);
  });

  it('reads /members/all for inherited membership', async () => {
    const fake = tree();
    fake.allMembers = new Map([
      [1, [member(100, 'ada')]],
      [2, [member(100, 'ada'), member(101, 'bob')]],
      [3, [member(100, 'ada'), member(101, 'bob'), member(103, 'dee')]],
      [4, [member(100, 'ada')]],
      [5, [member(100, 'ada')]],
    ]);
    const direct = await source(fake).read();
    expect(byKey(direct.users)['100'].memberOf).toEqual(['1']);

    fake.requests.length = 0;
    const inherited = await source(fake, { membership: 'inherited' }).read();
    expect(byKey(inherited.users)['100'].memberOf.sort()).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
    expect(byKey(inherited.groups)['3'].members).toEqual(['100', '101', '103']);
    expect(fake.requests.filter(r => r.includes('/members'))).toEqual(
      expect.arrayContaining(['/groups/3/members/all?per_page=2']),
    );
    expect(fake.requests.some(r => /\/members\?/.test(r))).toBe(false);
  });

  it('reads only the root group without subgroups, and drops excluded subtrees', async () => {
    const fake = tree();
    const flat = await source(fake, { includeSubgroups: false }).read();
    expect(flat.groups.map(g => g.key)).toEqual(['1']);
    expect(flat.users.map(u => u.key)).toEqual(['100']);
    expect(fake.requests.some(r => r.includes('descendant_groups'))).toBe(
      false,
    );

    const pruned = await source(fake, {
      groups: { exclude: ['platform'] },
    }).read();
    expect(pruned.groups.map(g => g.key).sort()).toEqual(['1', '4', '5']);
    expect(pruned.complete).toBe(true);
  });

  it('fails the read when the root group cannot be found', async () => {
    const fake = tree();
    await expect(source(fake, { group: 'nope' }).read()).rejects.toThrow(
      "GitLab group 'nope' was not found on gitlab.example.com, or the token cannot see it",
    );
  });

  it('makes the read partial when the subgroup walk fails midway', async () => {
    const fake = tree();
    fake.intercept = url =>
      url.pathname.endsWith('/descendant_groups') &&
      url.searchParams.get('page') === '2'
        ? HttpResponse.json({ message: 'down' }, { status: 503 })
        : undefined;
    const result = await source(fake, { maxRetries: 0 }).read();
    expect(result.complete).toBe(false);
    expect(result.groups.map(g => g.key).sort()).toEqual(['1', '2', '3']);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'subgroups-read-failed',
        entry: 'acme',
      }),
    ]);
  });
});
