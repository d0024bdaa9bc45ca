import { generateKeyPairSync } from 'node:crypto';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { fakeClock, fakeGithub, FakeOrg } from '../__testUtils__/fakeGithub';
import { createGithubOrgSourceFactory } from '../createGithubOrgSourceFactory';
import { ScmCredentialsBroker } from '@identity-portal/plugin-scm-integrations-node';
import {
  createGithubHostAccess,
  CREDENTIALS_REUSE_MS,
  GithubHostAccess,
  graphqlUrlFor,
  reusedToken,
} from './credentials';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const PATH = 'catalog.providers.orgSync.corp.sources.github.main';
const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const APP = {
  appId: 4711,
  privateKey,
  clientId: 'Iv1.client',
  clientSecret: 'client-secret',
  webhookSecret: 'webhook-secret',
};
const acme: FakeOrg = {
  members: [{ id: 'U_ada', login: 'ada', email: 'ada@personal.example' }],
  teams: [],
};

/** GitHub's App endpoints: one installation, in `acme`. */
function appEndpoints(issued: string[]) {
  return [
    http.get('https://api.github.com/app/installations', ({ request }) => {
      expect(request.headers.get('authorization')).toMatch(/^bearer ey/i);
      return HttpResponse.json([
        { id: 99, account: { login: 'acme' }, suspended_by: null },
      ]);
    }),
    http.post(
      'https://api.github.com/app/installations/99/access_tokens',
      () => {
        issued.push('ghs_installation');
        return HttpResponse.json({
          token: 'ghs_installation',
          expires_at: new Date(Date.now() + 3600_000).toISOString(),
          repository_selection: 'all',
        });
      },
    ),
  ];
}

function source(integrations: object, orgs: string[]) {
  return createGithubOrgSourceFactory({
    rootConfig: new ConfigReader({ integrations }),
    clock: fakeClock(),
  }).create({
    providerId: 'corp',
    sourceId: 'main',
    config: new ConfigReader({ orgs }),
    configPath: PATH,
    logger: mockServices.logger.mock(),
  });
}

const brokerFor = (rootConfig: ConfigReader) =>
  ScmCredentialsBroker.fromConfig(rootConfig, {
    logger: mockServices.logger.mock(),
  });

const read = (s: ReturnType<typeof source>) =>
  s.read({ signal: new AbortController().signal });

describe('credentials', () => {
  it('derives the GraphQL endpoint from the REST base URL', () => {
    expect(graphqlUrlFor('https://api.github.com')).toBe(
      'https://api.github.com/graphql',
    );
    expect(graphqlUrlFor('https://ghe.example.com/api/v3/')).toBe(
      'https://ghe.example.com/api/graphql',
    );
  });

  it('uses a personal access token and reads public emails with it', async () => {
    const github = fakeGithub({ orgs: { acme } });
    server.use(github.handler);
    const result = await read(
      source({ github: [{ host: 'github.com', token: 'gh-test-pat' }] }, [
        'acme',
      ]),
    );
    expect(result.users[0].email).toBe('ada@personal.example');
    expect(github.calls.map(c => c.authorization)).toEqual([
      'bearer gh-test-pat',
      'bearer gh-test-pat',
    ]);
  });

  it('asks the SCM credentials broker once per org and read, which logs the identity without the token', async () => {
    const github = fakeGithub({ orgs: { acme } });
    server.use(github.handler);
    const rootConfig = new ConfigReader({
      integrations: { github: [{ host: 'github.com', token: 'gh-test-pat' }] },
    });
    const lines: string[] = [];
    const record = (message: string, meta?: unknown) => {
      lines.push(`${message} ${JSON.stringify(meta)}`);
    };
    const logger: LoggerService = {
      info: record,
      warn: record,
      error: record,
      debug: record,
      child: () => logger,
    };
    const scmCredentials = ScmCredentialsBroker.fromConfig(rootConfig, {
      logger,
      pluginId: 'catalog',
    });
    const getCredentials = jest.spyOn(scmCredentials, 'getCredentials');
    const created = createGithubOrgSourceFactory({
      rootConfig,
      scmCredentials,
      clock: fakeClock(),
    }).create({
      providerId: 'corp',
      sourceId: 'main',
      config: new ConfigReader({ orgs: ['acme'] }),
      configPath: PATH,
      logger: mockServices.logger.mock(),
    });
    await read(created);
    expect(github.calls).toHaveLength(2);
    expect(getCredentials.mock.calls).toEqual([
      [{ url: 'https://github.com/acme' }],
    ]);
    expect(lines).toEqual([
      expect.stringContaining(
        'SCM credentials for github.com: service identity, personal-access-token (plugin catalog)',
      ),
    ]);
    expect(lines.join()).not.toContain('gh-test-pat');
  });

  it('uses a GitHub App installation token and does not ask for User.email', async () => {
    const issued: string[] = [];
    const github = fakeGithub({ orgs: { acme } });
    server.use(github.handler, ...appEndpoints(issued));
    const result = await read(
      source({ github: [{ host: 'github.com', apps: [APP] }] }, ['acme']),
    );
    expect(result.complete).toBe(true);
    expect(result.users[0].email).toBeUndefined();
    expect(issued).toEqual(['ghs_installation']);
    expect(github.calls.map(c => c.authorization)).toEqual([
      'bearer ghs_installation',
      'bearer ghs_installation',
    ]);
    const members = github.calls.find(c => c.operation === 'orgMembers')!;
    expect(members.query).not.toMatch(/\bemail\n/);
  });

  it('fails the read naming the keys when the App is not installed in the org and there is no token', async () => {
    server.use(...appEndpoints([]));
    await expect(
      read(
        source({ github: [{ host: 'github.com', apps: [APP] }] }, ['other']),
      ),
    ).rejects.toThrow(
      `No GitHub credentials for org 'other' on github.com (${PATH}.orgs)`,
    );
  });

  it('refuses a host without an integrations.github entry, naming the key', () => {
    const rootConfig = new ConfigReader({
      integrations: {
        github: [
          {
            host: 'ghe.example.com',
            token: 't',
            apiBaseUrl: 'https://ghe.example.com/api/v3',
          },
        ],
      },
    });
    expect(() =>
      createGithubHostAccess({
        rootConfig,
        scmCredentials: brokerFor(rootConfig),
        host: 'ghe.other.com',
        configPath: PATH,
      }),
    ).toThrow(
      `${PATH}.host: there is no integrations.github entry for host 'ghe.other.com' (configured hosts: ghe.example.com, github.com)`,
    );
  });

  it('refuses an integration without a token and without apps', () => {
    const rootConfig = new ConfigReader({});
    expect(() =>
      createGithubHostAccess({
        rootConfig,
        scmCredentials: brokerFor(rootConfig),
        host: 'github.com',
        configPath: PATH,
      }),
    ).toThrow(
      `${PATH}.host: the integrations.github entry for host 'github.com' has neither a token nor apps`,
    );
  });
});

describe('reusedToken', () => {
  it('asks the broker again only once the token is CREDENTIALS_REUSE_MS old', async () => {
    let now = 0;
    const clock = { now: () => now, sleep: async () => {} };
    const asked: string[] = [];
    const access: GithubHostAccess = {
      graphqlUrl: 'https://api.github.com/graphql',
      async credentialsFor(org) {
        asked.push(org);
        return { token: `renewed-${asked.length}`, type: 'app' };
      },
    };
    const token = reusedToken(
      access,
      'acme',
      { token: 'first', type: 'app' },
      clock,
    );
    now = CREDENTIALS_REUSE_MS - 1;
    expect(await token()).toBe('first');
    expect(await token()).toBe('first');
    now = CREDENTIALS_REUSE_MS;
    expect(await token()).toBe('renewed-1');
    expect(await token()).toBe('renewed-1');
    expect(asked).toEqual(['acme']);
  });
});
