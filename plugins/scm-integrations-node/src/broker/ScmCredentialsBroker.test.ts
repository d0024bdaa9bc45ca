import { generateKeyPairSync } from 'node:crypto';
import { ConfigReader } from '@backstage/config';
import { NotFoundError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { recordingLogger } from '@identity-portal/plugin-auth-scm-sign-in-node/testUtils';
import { ScmCredentialsBroker } from './ScmCredentialsBroker';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const APP = { appId: 4711, privateKey, clientId: 'Iv1.c', clientSecret: 's' };
const SECRETS = [
  'gh-test-service_pat',
  'ghs_installation_token',
  'gho_user_token',
  'glpat_service',
  'bb_app_password',
  'bbs_token',
  'azure_pat_value',
  'bb_oauth_token',
];

/** GitHub's App endpoints: one installation of App 4711, in `acme`. */
function appEndpoints(issued: string[]) {
  return [
    http.get('https://api.github.com/app/installations', () =>
      HttpResponse.json([
        { id: 99, account: { login: 'acme' }, suspended_by: null },
      ]),
    ),
    http.post(
      'https://api.github.com/app/installations/99/access_tokens',
      () => {
        issued.push('ghs_installation_token');
        return HttpResponse.json({
          token: 'ghs_installation_token',
          expires_at: new Date(Date.now() + 3600_000).toISOString(),
          repository_selection: 'all',
        });
      },
    ),
  ];
}

function broker(config: object, lines: string[] = []) {
  return ScmCredentialsBroker.fromConfig(new ConfigReader(config), {
    logger: recordingLogger(lines),
    pluginId: 'catalog',
  });
}

const USER = {
  token: 'gho_user_token',
  credentials: {
    $$type: '@backstage/BackstageCredentials' as const,
    principal: { type: 'user' as const, userEntityRef: 'user:default/alice' },
  },
};

describe('ScmCredentialsBroker', () => {
  describe('acting for the user or as the service', () => {
    const integrations = {
      github: [
        { host: 'github.com', token: 'gh-test-service_pat' },
        {
          host: 'ghe.example.com',
          apiBaseUrl: 'https://ghe.example.com/api/v3',
          token: 'gh-test-service_pat',
        },
      ],
    };

    it("uses the user's own token when offered and allowed (the default)", async () => {
      const credentials = await broker({ integrations }).getCredentials({
        url: 'https://github.com/acme/repo',
        onBehalfOf: USER,
      });
      expect(credentials).toEqual({
        headers: { Authorization: 'Bearer gho_user_token' },
        token: 'gho_user_token',
        identity: {
          kind: 'user',
          host: 'github.com',
          integrationType: 'github',
          userEntityRef: 'user:default/alice',
        },
      });
    });

    it('uses the service identity for a host that says never', async () => {
      const lines: string[] = [];
      const credentials = await broker(
        {
          integrations,
          scmIntegrations: {
            actForUser: { hosts: { 'ghe.example.com': 'never' } },
          },
        },
        lines,
      ).getCredentials({
        url: 'https://ghe.example.com/acme',
        onBehalfOf: USER,
      });
      expect(credentials.identity).toEqual({
        kind: 'service',
        host: 'ghe.example.com',
        integrationType: 'github',
        credential: 'personal-access-token',
      });
      expect(credentials.token).toBe('gh-test-service_pat');
      expect(lines).toEqual([
        expect.stringContaining(
          "the user's token was offered but scmIntegrations.actForUser is 'never' for ghe.example.com",
        ),
      ]);
    });

    it('uses the service identity when the default is never', async () => {
      const credentials = await broker({
        integrations,
        scmIntegrations: { actForUser: { default: 'never' } },
      }).getCredentials({ url: 'https://github.com/acme', onBehalfOf: USER });
      expect(credentials.identity.kind).toBe('service');
    });

    it('uses the service identity when no user token is offered', async () => {
      const credentials = await broker({ integrations }).getCredentials({
        url: 'https://github.com/acme',
      });
      expect(credentials.identity.kind).toBe('service');
      expect(credentials.headers).toEqual({
        Authorization: 'Bearer gh-test-service_pat',
      });
    });
  });

  describe('GitHub service identity', () => {
    const withApp = (extra: object = {}) => ({
      integrations: {
        github: [{ host: 'github.com', apps: [{ ...APP, ...extra }] }],
      },
    });

    it('prefers an installation token of the App installed in the org', async () => {
      const issued: string[] = [];
      server.use(...appEndpoints(issued));
      const b = broker({
        integrations: {
          github: [
            { host: 'github.com', token: 'gh-test-service_pat', apps: [APP] },
          ],
        },
      });
      const credentials = await b.getCredentials({
        url: 'https://github.com/acme/repo',
      });
      expect(credentials).toEqual({
        headers: { Authorization: 'Bearer ghs_installation_token' },
        token: 'ghs_installation_token',
        identity: {
          kind: 'service',
          host: 'github.com',
          integrationType: 'github',
          credential: 'github-app',
          appId: 4711,
        },
      });
      // Upstream's cache: the second call issues no new token.
      await b.getCredentials({ url: 'https://api.github.com/orgs/acme' });
      expect(issued).toEqual(['ghs_installation_token']);
    });

    it('falls back to the personal access token where the App is not installed', async () => {
      server.use(...appEndpoints([]));
      const lines: string[] = [];
      const credentials = await broker(
        {
          integrations: {
            github: [
              { host: 'github.com', token: 'gh-test-service_pat', apps: [APP] },
            ],
          },
        },
        lines,
      ).getCredentials({ url: 'https://github.com/other' });
      expect(credentials.identity).toMatchObject({
        kind: 'service',
        credential: 'personal-access-token',
      });
      expect(credentials.token).toBe('gh-test-service_pat');
      expect(lines[0]).toContain(
        "no GitHub App is installed for 'other' (or allowed by allowedInstallationOwners)",
      );
    });

    it('honours allowedInstallationOwners', async () => {
      const issued: string[] = [];
      server.use(...appEndpoints(issued));
      const credentials = await broker(
        withApp({ allowedInstallationOwners: ['someone-else'] }),
      ).getCredentials({ url: 'https://github.com/acme' });
      expect(credentials.identity).toMatchObject({ credential: 'none' });
      expect(credentials.headers).toEqual({});
      expect(issued).toEqual([]);
    });

    it('falls back to the token when the App fails, and fails without a token', async () => {
      server.use(
        http.get('https://api.github.com/app/installations', () =>
          HttpResponse.json({ message: 'Bad credentials' }, { status: 401 }),
        ),
      );
      const fallback = await broker({
        integrations: {
          github: [
            { host: 'github.com', token: 'gh-test-service_pat', apps: [APP] },
          ],
        },
      }).getCredentials({ url: 'https://github.com/acme' });
      expect(fallback.identity).toMatchObject({
        credential: 'personal-access-token',
      });
      await expect(
        broker(withApp()).getCredentials({ url: 'https://github.com/acme' }),
      ).rejects.toThrow('GitHub App 4711: Bad credentials');
    });
  });

  describe('other hosts', () => {
    it('uses the GitLab token as a bearer token', async () => {
      const credentials = await broker({
        integrations: {
          gitlab: [
            {
              host: 'gitlab.example.com',
              apiBaseUrl: 'https://gitlab.example.com/api/v4',
              token: 'glpat_service',
            },
          ],
        },
      }).getCredentials({ url: 'https://gitlab.example.com/api/v4/groups' });
      expect(credentials).toEqual({
        headers: { Authorization: 'Bearer glpat_service' },
        token: 'glpat_service',
        identity: {
          kind: 'service',
          host: 'gitlab.example.com',
          integrationType: 'gitlab',
          credential: 'gitlab-token',
        },
      });
    });

    it('uses basic authentication with a Bitbucket Cloud app password', async () => {
      const credentials = await broker({
        integrations: {
          bitbucketCloud: [{ username: 'bot', appPassword: 'bb_app_password' }],
        },
      }).getCredentials({ url: 'https://bitbucket.org/acme/repo' });
      expect(credentials.identity).toMatchObject({
        integrationType: 'bitbucketCloud',
        credential: 'bitbucket-app-password',
      });
      expect(credentials.headers).toEqual({
        Authorization: `Basic ${Buffer.from('bot:bb_app_password').toString(
          'base64',
        )}`,
      });
      expect(credentials.token).toBeUndefined();
    });

    it('gets a Bitbucket Cloud OAuth token with client credentials', async () => {
      server.use(
        http.post('https://bitbucket.org/site/oauth2/access_token', () =>
          HttpResponse.json({
            access_token: 'bb_oauth_token',
            expires_in: 7200,
          }),
        ),
      );
      const credentials = await broker({
        integrations: {
          bitbucketCloud: [{ clientId: 'id', clientSecret: 'secret' }],
        },
      }).getCredentials({ url: 'https://bitbucket.org/acme' });
      expect(credentials.identity).toMatchObject({
        credential: 'bitbucket-oauth-client',
      });
      expect(credentials.token).toBe('bb_oauth_token');
    });

    it('uses a Bitbucket Server token, or basic authentication', async () => {
      const server1 = {
        host: 'bitbucket.example.com',
        apiBaseUrl: 'https://bitbucket.example.com/rest/api/1.0',
      };
      const withToken = await broker({
        integrations: { bitbucketServer: [{ ...server1, token: 'bbs_token' }] },
      }).getCredentials({ url: 'https://bitbucket.example.com/projects/A' });
      expect(withToken.identity).toMatchObject({
        credential: 'personal-access-token',
      });
      expect(withToken.headers).toEqual({ Authorization: 'Bearer bbs_token' });
      const basic = await broker({
        integrations: {
          bitbucketServer: [{ ...server1, username: 'u', password: 'p' }],
        },
      }).getCredentials({ url: 'https://bitbucket.example.com/projects/A' });
      expect(basic.identity).toMatchObject({ credential: 'basic-auth' });
      expect(basic.headers.Authorization).toMatch(/^Basic /);
    });

    it("uses the Azure DevOps PAT of the URL's organization", async () => {
      const credentials = await broker({
        integrations: {
          azure: [
            {
              host: 'dev.azure.com',
              credentials: [
                {
                  organizations: ['acme'],
                  personalAccessToken: 'azure_pat_value',
                },
              ],
            },
          ],
        },
      }).getCredentials({
        url: 'https://dev.azure.com/acme/project/_git/repo',
      });
      expect(credentials.identity).toMatchObject({
        integrationType: 'azure',
        credential: 'azure-pat',
      });
      expect(credentials.headers.Authorization).toBe(
        `Basic ${Buffer.from(':azure_pat_value').toString('base64')}`,
      );
    });

    it('goes anonymous, and says so, for a host without credentials', async () => {
      const lines: string[] = [];
      const credentials = await broker({}, lines).getCredentials({
        url: 'https://gitlab.com/public-group',
      });
      expect(credentials).toEqual({
        headers: {},
        identity: {
          kind: 'service',
          host: 'gitlab.com',
          integrationType: 'gitlab',
          credential: 'none',
        },
      });
      expect(lines[0]).toContain(
        'gitlab.com has no credentials in integrations.gitlab: requests are anonymous (public data only)',
      );
    });

    it('throws NotFoundError naming the host and the configured hosts', async () => {
      const b = broker({
        integrations: {
          gitlab: [
            {
              host: 'gitlab.example.com',
              apiBaseUrl: 'https://gitlab.example.com/api/v4',
            },
          ],
        },
      });
      const result = b.getCredentials({ url: 'https://git.unknown.org/x' });
      await expect(result).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        b.getCredentials({ url: 'https://git.unknown.org/x' }),
      ).rejects.toThrow(
        "No SCM integration for host 'git.unknown.org'; configured hosts: github.com, gitlab.example.com, gitlab.com, bitbucket.org, dev.azure.com",
      );
    });
  });

  it('logs one line per call with identity, credential, host and plugin, and never a secret', async () => {
    server.use(...appEndpoints([]));
    const lines: string[] = [];
    const b = broker(
      {
        integrations: {
          github: [
            { host: 'github.com', token: 'gh-test-service_pat', apps: [APP] },
          ],
          gitlab: [
            {
              host: 'gitlab.example.com',
              apiBaseUrl: 'https://gitlab.example.com/api/v4',
              token: 'glpat_service',
            },
          ],
          bitbucketCloud: [{ username: 'bot', appPassword: 'bb_app_password' }],
          bitbucketServer: [
            {
              host: 'bitbucket.example.com',
              apiBaseUrl: 'https://bitbucket.example.com/rest/api/1.0',
              token: 'bbs_token',
            },
          ],
          azure: [
            {
              host: 'dev.azure.com',
              credentials: [{ personalAccessToken: 'azure_pat_value' }],
            },
          ],
        },
      },
      lines,
    );
    await b.getCredentials({
      url: 'https://github.com/acme',
      onBehalfOf: USER,
    });
    await b.getCredentials({ url: 'https://github.com/other' });
    await b.getCredentials({ url: 'https://gitlab.example.com/g' });
    await b.getCredentials({ url: 'https://bitbucket.org/w' });
    await b.getCredentials({ url: 'https://bitbucket.example.com/p' });
    await b.getCredentials({ url: 'https://dev.azure.com/o/p' });
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^info .*acting for user user:default\/alice/);
    expect(lines[0]).toContain('"identity":"user"');
    expect(lines[0]).toContain('"callerPluginId":"catalog"');
    expect(lines[1]).toContain('"identity":"service"');
    expect(lines[1]).toContain('"credential":"personal-access-token"');
    expect(lines[1]).toContain('"host":"github.com"');
    for (const line of lines) {
      for (const secret of SECRETS) expect(line).not.toContain(secret);
      expect(line).not.toContain(
        Buffer.from('bot:bb_app_password').toString('base64'),
      );
    }
  });
});
