import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { ConfigReader } from '@backstage/config';
import { validateIntegrationsConfig } from './validateIntegrationsConfig';

const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const APP = { appId: 4711, privateKey, clientId: 'Iv1.c', clientSecret: 's' };
const GHE = {
  host: 'ghe.example.com',
  apiBaseUrl: 'https://ghe.example.com/api/v3',
  token: 'gh-test-x',
};
const GITLAB = {
  host: 'gitlab.example.com',
  apiBaseUrl: 'https://gitlab.example.com/api/v4',
  token: 'gl-test-x',
};

const validate = (config: object) =>
  validateIntegrationsConfig(new ConfigReader(config));
const only = (integrations: object) => validate({ integrations });
const err = (key: string, message: string) => ({
  severity: 'error',
  key,
  message,
});
const warn = (key: string, message: string) => ({
  severity: 'warning',
  key,
  message,
});

function orgSync(sources: object) {
  return { catalog: { providers: { orgSync: { corp: { sources } } } } };
}

describe('validateIntegrationsConfig', () => {
  it('finds nothing wrong in a complete config of every type', () => {
    expect(
      validate({
        integrations: {
          github: [{ ...GHE, apps: [APP] }, { host: 'github.com' }],
          gitlab: [GITLAB],
          bitbucketCloud: [{ username: 'bot', appPassword: 'app-pw' }],
          bitbucketServer: [
            {
              host: 'bitbucket.example.com',
              apiBaseUrl: 'https://bitbucket.example.com/rest/api/1.0',
              token: 't',
            },
          ],
          azure: [
            {
              host: 'dev.azure.com',
              credentials: [{ personalAccessToken: 'p' }],
            },
          ],
        },
        ...orgSync({
          github: { main: { host: 'ghe.example.com', orgs: ['acme'] } },
          gitlab: { main: { host: 'gitlab.example.com', group: 'acme' } },
        }),
        scmIntegrations: {
          actForUser: { hosts: { 'ghe.example.com': 'never' } },
        },
      }),
    ).toEqual([]);
  });

  it('accepts the demo profile: plain http to loopback stand-ins', () => {
    expect(
      only({
        github: [
          {
            host: '127.0.0.1:5180',
            apiBaseUrl: 'http://127.0.0.1:5180/api/v3',
            token: 'demo-github-token',
          },
        ],
        gitlab: [
          {
            host: '127.0.0.1:5181',
            apiBaseUrl: 'http://127.0.0.1:5181/api/v4',
            baseUrl: 'http://127.0.0.1:5181',
            token: 'demo-gitlab-token',
          },
        ],
      }),
    ).toEqual([]);
  });

  it('reports a host listed twice within a type', () => {
    expect(
      only({ github: [GHE, { ...GHE, host: 'GHE.example.com' }] }),
    ).toEqual([
      err(
        'integrations.github[1].host',
        "host 'ghe.example.com' is already configured at integrations.github[0].host; each host may appear only once in integrations.github",
      ),
    ]);
  });

  it('reports a host that is a URL', () => {
    expect(
      only({ gitlab: [{ ...GITLAB, host: 'https://gitlab.example.com' }] }),
    ).toEqual([
      err(
        'integrations.gitlab[0].host',
        "'https://gitlab.example.com' is not a host name; write the host with an optional port, without scheme or path (e.g. ghe.example.com or gitlab.example.com:8443)",
      ),
    ]);
  });

  it('reports a GitHub App private key that is not a PEM private key', () => {
    expect(
      only({
        github: [{ ...GHE, apps: [{ ...APP, privateKey: 'not-a-key' }] }],
      }),
    ).toEqual([
      err(
        'integrations.github[0].apps[0].privateKey',
        "is not a PEM private key: expected the whole .pem file generated on the GitHub App's settings page, from its -----BEGIN line to its -----END line",
      ),
    ]);
  });

  it('reports a public key given as the GitHub App private key', () => {
    const { publicKey } = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    expect(
      only({ github: [{ ...GHE, apps: [{ ...APP, privateKey: publicKey }] }] }),
    ).toEqual([
      expect.objectContaining({
        key: 'integrations.github[0].apps[0].privateKey',
        message: expect.stringMatching(
          /^is not a PEM private key: it is a public key or certificate; /,
        ),
      }),
    ]);
  });

  it('reports a PEM block that crypto cannot read, with the reason', () => {
    const broken = privateKey.replace(
      /(-----\n)[\s\S]+(\n-----END)/,
      '$1bm90IGEga2V5$2',
    );
    let reason = '';
    try {
      createPrivateKey(broken);
    } catch (e) {
      reason = (e as Error).message;
    }
    expect(reason).not.toBe('');
    expect(
      only({ github: [{ ...GHE, apps: [{ ...APP, privateKey: broken }] }] }),
    ).toEqual([
      err(
        'integrations.github[0].apps[0].privateKey',
        `is not a readable PEM private key (${reason}); paste the whole .pem file, including its BEGIN and END lines`,
      ),
    ]);
  });

  it('accepts a private key written on one line with literal \\n', () => {
    const oneLine = privateKey.replace(/\n/g, '\\n');
    expect(
      only({ github: [{ ...GHE, apps: [{ ...APP, privateKey: oneLine }] }] }),
    ).toEqual([]);
  });

  it('reports an appId that is not a number, and missing App keys', () => {
    expect(
      only({
        github: [
          {
            ...GHE,
            apps: [{ appId: 'my-app', privateKey, clientSecret: 's' }],
          },
        ],
      }),
    ).toEqual([
      err(
        'integrations.github[0].apps[0].appId',
        "must be a number (the App ID from the GitHub App's settings page), got 'my-app'",
      ),
      err(
        'integrations.github[0].apps[0].clientId',
        "is required (from the GitHub App's settings page)",
      ),
    ]);
  });

  it('reports a GitHub host used by an org source without a token and without apps', () => {
    expect(
      validate({
        integrations: { github: [{ ...GHE, token: undefined }] },
        ...orgSync({
          github: { main: { host: 'ghe.example.com', orgs: ['acme'] } },
        }),
      }),
    ).toEqual([
      err(
        'integrations.github[0]',
        "has neither a token nor apps, but catalog.providers.orgSync.corp.sources.github.main reads from host 'ghe.example.com' (org sync: members and teams of acme); add a token or a GitHub App",
      ),
    ]);
  });

  it('reports a host used by an org source that has no integration entry', () => {
    expect(
      validate({
        integrations: { github: [GHE] },
        ...orgSync({
          github: { main: { orgs: ['acme'] } },
          gitlab: { main: { host: 'gitlab.example.com', group: 'acme/eng' } },
        }),
      }),
    ).toEqual([
      err(
        'catalog.providers.orgSync.corp.sources.github.main.host',
        "no integrations.github entry has host 'github.com'; add one with a token or a GitHub App (org sync: members and teams of acme)",
      ),
      err(
        'catalog.providers.orgSync.corp.sources.gitlab.main.host',
        "no integrations.gitlab entry has host 'gitlab.example.com'; add one with a token with the read_api scope (org sync: users and groups of group acme/eng)",
      ),
    ]);
  });

  it('reports a GitLab host used by an org source without a token', () => {
    expect(
      validate({
        integrations: { gitlab: [{ ...GITLAB, token: undefined }] },
        ...orgSync({
          gitlab: { main: { host: 'gitlab.example.com', group: 'acme' } },
        }),
      }),
    ).toEqual([
      err(
        'integrations.gitlab[0]',
        "has no token, but catalog.providers.orgSync.corp.sources.gitlab.main reads from host 'gitlab.example.com' (org sync: users and groups of group acme); add a token with the read_api scope",
      ),
    ]);
  });

  it('reports a GitLab apiBaseUrl not ending in /api/v4', () => {
    expect(
      only({
        gitlab: [{ ...GITLAB, apiBaseUrl: 'https://gitlab.example.com/api' }],
      }),
    ).toEqual([
      err(
        'integrations.gitlab[0].apiBaseUrl',
        "must end in /api/v4 (e.g. https://gitlab.example.com/api/v4), got 'https://gitlab.example.com/api'",
      ),
    ]);
  });

  it('accepts a GitLab under a relative path with a trailing slash', () => {
    expect(
      only({
        gitlab: [
          {
            ...GITLAB,
            apiBaseUrl: 'https://gitlab.example.com/gitlab/api/v4/',
          },
        ],
      }),
    ).toEqual([]);
  });

  it('reports a missing apiBaseUrl that upstream cannot derive', () => {
    expect(
      only({
        github: [{ host: 'ghe.example.com', token: 't' }],
        gitlab: [{ host: 'gitlab.example.com', token: 't' }],
      }),
    ).toEqual([
      err(
        'integrations.github[0].apiBaseUrl',
        'is required for a host other than github.com (e.g. https://ghe.example.com/api/v3)',
      ),
      err(
        'integrations.gitlab[0].apiBaseUrl',
        'is required for a host other than gitlab.com (e.g. https://gitlab.example.com/api/v4)',
      ),
    ]);
  });

  it('reports URLs that are not http(s)', () => {
    expect(
      only({
        github: [{ ...GHE, apiBaseUrl: 'ftp://ghe.example.com/api/v3' }],
        bitbucketServer: [
          {
            host: 'bitbucket.example.com',
            apiBaseUrl: 'bitbucket.example.com/rest',
          },
        ],
      }),
    ).toEqual([
      err(
        'integrations.github[0].apiBaseUrl',
        "must be an http(s) URL, got 'ftp://ghe.example.com/api/v3'",
      ),
      err(
        'integrations.bitbucketServer[0].apiBaseUrl',
        "must be an http(s) URL, got 'bitbucket.example.com/rest'",
      ),
    ]);
  });

  it('warns when the apiBaseUrl is on another host', () => {
    expect(
      only({
        github: [{ ...GHE, apiBaseUrl: 'https://ghe-old.example.com/api/v3' }],
      }),
    ).toEqual([
      warn(
        'integrations.github[0].apiBaseUrl',
        "points at host 'ghe-old.example.com' but the integration's host is 'ghe.example.com'; requests for ghe.example.com (with its credentials) go to ghe-old.example.com",
      ),
    ]);
    // api.<host> is how github.com is served.
    expect(
      only({
        github: [
          {
            host: 'github.com',
            apiBaseUrl: 'https://api.github.com',
            token: 't',
          },
        ],
      }),
    ).toEqual([]);
  });

  it('warns about credentials sent over plain http to a non-loopback host', () => {
    expect(
      only({
        gitlab: [{ ...GITLAB, apiBaseUrl: 'http://gitlab.example.com/api/v4' }],
      }),
    ).toEqual([
      warn(
        'integrations.gitlab[0].apiBaseUrl',
        "uses plain http to 'gitlab.example.com': credentials are sent in clear text; use https",
      ),
    ]);
    expect(
      only({
        gitlab: [
          {
            host: 'gitlab.example.com',
            apiBaseUrl: 'http://gitlab.example.com/api/v4',
          },
        ],
      }),
    ).toEqual([]);
  });

  it('reports an unexpanded placeholder in a secret', () => {
    expect(only({ gitlab: [{ ...GITLAB, token: '${GITLAB_TOKEN}' }] })).toEqual(
      [
        err(
          'integrations.gitlab[0].token',
          "contains the unexpanded placeholder '${GITLAB_TOKEN}'; set the environment variable it names, or write the value itself",
        ),
      ],
    );
  });

  it('warns about whitespace around a token that upstream trims, and refuses it where upstream does not', () => {
    expect(
      only({
        github: [{ ...GHE, token: 'gh-test-x\n' }],
        bitbucketServer: [
          {
            host: 'bitbucket.example.com',
            apiBaseUrl: 'https://bitbucket.example.com/rest/api/1.0',
            username: 'bot',
            password: ' pw',
          },
        ],
      }),
    ).toEqual([
      err(
        'integrations.bitbucketServer[0].password',
        'has leading or trailing whitespace (often a newline in the secret file), which is sent as part of the credential; remove it',
      ),
      warn(
        'integrations.github[0].token',
        'has leading or trailing whitespace (often a newline in the secret file); it is trimmed here, but other tools reading the same secret may fail',
      ),
    ]);
  });

  it('never puts a secret into a message', () => {
    const problems = only({
      github: [{ ...GHE, token: ' gh-test-secret_value ' }],
      bitbucketServer: [
        {
          host: 'b.example.com',
          apiBaseUrl: 'https://b.example.com/rest',
          username: 'u',
          password: 'pw_secret_value ',
        },
      ],
    });
    expect(problems).toHaveLength(2);
    expect(JSON.stringify(problems)).not.toMatch(/secret_value/);
  });

  it('reports Bitbucket Cloud with a username but neither appPassword nor token', () => {
    expect(only({ bitbucketCloud: [{ username: 'bot' }] })).toEqual([
      err(
        'integrations.bitbucketCloud[0].username',
        'is set but neither appPassword nor token is; add an API token (token) or an app password (appPassword) of this user',
      ),
    ]);
  });

  it('reports half an OAuth consumer and half a basic login', () => {
    expect(
      only({
        bitbucketCloud: [{ clientId: 'id' }],
        bitbucketServer: [
          {
            host: 'b.example.com',
            apiBaseUrl: 'https://b.example.com/rest',
            username: 'bot',
          },
        ],
      }),
    ).toEqual([
      err(
        'integrations.bitbucketCloud[0].clientSecret',
        'is required: an OAuth consumer needs both clientId and clientSecret',
      ),
      err(
        'integrations.bitbucketServer[0].password',
        'is required: basic authentication needs both username and password',
      ),
    ]);
  });

  it('reports Azure credentials with neither a PAT nor a clientId', () => {
    expect(
      only({
        azure: [
          {
            host: 'dev.azure.com',
            credentials: [
              { organizations: ['acme'] },
              { clientId: 'c', clientSecret: 's' },
            ],
          },
        ],
      }),
    ).toEqual([
      err(
        'integrations.azure[0].credentials[0]',
        'has neither personalAccessToken nor clientId; set a personalAccessToken, or clientId with tenantId and clientSecret (service principal), or clientId alone (managed identity)',
      ),
      err(
        'integrations.azure[0].credentials[1].tenantId',
        'is required with clientId and clientSecret (the Microsoft Entra tenant of the service principal)',
      ),
    ]);
  });

  it('reports the removed Azure token key', () => {
    expect(only({ azure: [{ host: 'dev.azure.com', token: 'p' }] })).toEqual([
      err(
        'integrations.azure[0].token',
        'is no longer supported; use credentials: [{ personalAccessToken: … }] or a service principal / managed identity in credentials',
      ),
    ]);
  });

  it('checks scmIntegrations.actForUser', () => {
    expect(
      validate({
        integrations: { github: [GHE] },
        scmIntegrations: {
          actForUser: {
            default: 'sometimes',
            hosts: { 'ghe.example.com': 'no', 'gitlab.other.com': 'never' },
          },
        },
      }),
    ).toEqual([
      err(
        'scmIntegrations.actForUser.default',
        "must be 'allow' or 'never', got 'sometimes'",
      ),
      err(
        'scmIntegrations.actForUser.hosts.ghe.example.com',
        "must be 'allow' or 'never', got 'no'",
      ),
      warn(
        'scmIntegrations.actForUser.hosts.gitlab.other.com',
        "names host 'gitlab.other.com', which no entry of integrations: has",
      ),
    ]);
  });

  it('lists errors before warnings', () => {
    const problems = only({
      github: [{ ...GHE, token: 'gh-test-x ' }],
      gitlab: [{ ...GITLAB, apiBaseUrl: 'https://gitlab.example.com/' }],
    });
    expect(problems.map(p => p.severity)).toEqual(['error', 'warning']);
  });
});
