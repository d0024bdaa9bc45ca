import type {
  CredentialHealth,
  HealthReport,
  HostHealth,
} from '@identity-portal/plugin-scm-integrations-common';

export const githubToken: CredentialHealth = {
  id: 'token',
  kind: 'personal-access-token',
  label: 'personal access token …f00d',
  status: 'ok',
  message: 'works as octo-alice',
  checkedAt: '2026-12-05T07:58:00.000Z',
  durationMs: 42,
  login: 'octo-alice',
  scopes: {
    granted: ['read:org', 'read:user', 'user:email'],
    required: [
      {
        scope: 'read:org',
        neededBy: ['org sync: members and teams of example-corp'],
      },
    ],
    missing: [],
  },
  rateLimit: {
    limit: 5000,
    remaining: 4990,
    resetAt: '2026-12-05T08:30:00.000Z',
  },
  expiresAt: null,
};

export const githubHost: HostHealth = {
  integrationType: 'github',
  host: '127.0.0.1:5180',
  apiBaseUrl: 'http://127.0.0.1:5180/api/v3',
  usedBy: [
    {
      integrationType: 'github',
      host: '127.0.0.1:5180',
      consumer: 'catalog.providers.orgSync.example.sources.github.demo-github',
      description: 'org sync: members and teams of example-corp',
      scopes: ['read:org'],
      appPermissions: { members: 'read' },
    },
  ],
  actForUser: 'allow',
  credentials: [githubToken],
};

export const gitlabToken: CredentialHealth = {
  id: 'token',
  kind: 'gitlab-token',
  label: 'GitLab token …beef',
  status: 'ok',
  message: 'works as root-bob',
  checkedAt: '2026-12-05T07:58:00.000Z',
  durationMs: 17,
  login: 'root-bob',
  scopes: {
    granted: ['read_api', 'read_user'],
    required: [
      {
        scope: 'read_api',
        neededBy: ['org sync: the example-corp group tree'],
      },
    ],
    missing: [],
  },
  expiresAt: '2027-01-05T00:00:00.000Z',
};

export const gitlabHost: HostHealth = {
  integrationType: 'gitlab',
  host: '127.0.0.1:5181',
  apiBaseUrl: 'http://127.0.0.1:5181/api/v4',
  usedBy: [
    {
      integrationType: 'gitlab',
      host: '127.0.0.1:5181',
      consumer: 'catalog.providers.orgSync.example.sources.gitlab.demo-gitlab',
      description: 'org sync: the example-corp group tree',
      scopes: ['read_api'],
    },
  ],
  actForUser: 'never',
  credentials: [gitlabToken],
};

export const healthyReport: HealthReport = {
  checkedAt: '2026-12-05T07:58:00.000Z',
  config: { problems: [] },
  hosts: [githubHost, gitlabHost],
};

/** The GitHub token was revoked (401), the GitLab token lacks read_api and its rate limit runs low. */
export const failingReport: HealthReport = {
  checkedAt: '2026-12-05T07:59:00.000Z',
  config: {
    problems: [
      {
        severity: 'error',
        key: 'integrations.github[1].host',
        message:
          'host 127.0.0.1:5180 is configured twice (also integrations.github[0].host)',
      },
      {
        severity: 'warning',
        key: 'integrations.gitlab[0].apiBaseUrl',
        message:
          'plain http:// for a non-loopback host sends the token in clear',
      },
    ],
  },
  hosts: [
    {
      ...githubHost,
      credentials: [
        {
          ...githubToken,
          status: 'error',
          message: '401: token revoked or invalid',
          login: undefined,
          scopes: undefined,
          rateLimit: undefined,
          expiresAt: undefined,
        },
      ],
    },
    {
      ...gitlabHost,
      credentials: [
        {
          ...gitlabToken,
          status: 'warning',
          message:
            'missing scope read_api needed by org sync: the example-corp group tree',
          scopes: {
            granted: ['read_user'],
            required: [
              {
                scope: 'read_api',
                neededBy: ['org sync: the example-corp group tree'],
              },
            ],
            missing: ['read_api'],
          },
          rateLimit: { limit: 600, remaining: 12 },
        },
      ],
    },
  ],
};

export const emptyReport: HealthReport = {
  checkedAt: '2026-12-05T07:58:00.000Z',
  config: { problems: [] },
  hosts: [],
};
