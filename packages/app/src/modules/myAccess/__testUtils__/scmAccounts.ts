import {
  githubAuthApiRef,
  gitlabAuthApiRef,
} from '@backstage/frontend-plugin-api';
import { scmAccountsApiRef } from '../api/apis';
import type { ScmAccountsApi } from '../api/ScmAccountsClient';
import type {
  ScmHost,
  ScmIdentityAnswer,
} from '@identity-portal/plugin-scm-integrations-common';

export const GITHUB_HOST = '127.0.0.1:5180';
export const GITLAB_HOST = '127.0.0.1:5181';
/** The token the mock GitHub sign-in hands out for alice. */
export const ALICE_GITHUB_TOKEN = 'gho_alice_token';

export const hosts: ScmHost[] = [
  {
    integrationType: 'github',
    host: GITHUB_HOST,
    actForUser: 'allow',
    userTokenProvider: 'github',
  },
  { integrationType: 'gitlab', host: GITLAB_HOST, actForUser: 'never' },
];

export function serviceAnswer(host: string): ScmIdentityAnswer {
  const github = host === GITHUB_HOST;
  return {
    identity: {
      kind: 'service',
      host,
      integrationType: github ? 'github' : 'gitlab',
      credential: github ? 'personal-access-token' : 'gitlab-token',
    },
    login: github ? 'zoe-hoffmann' : 'identity-portal-bot',
    status: 'ok',
    message: 'acting as …',
  };
}

export const aliceOnGithub: ScmIdentityAnswer = {
  identity: {
    kind: 'user',
    host: GITHUB_HOST,
    integrationType: 'github',
    userEntityRef: 'user:default/alice',
  },
  login: 'alice-andersson',
  status: 'ok',
  message: 'acting for you as alice-andersson',
};

/** The scm-integrations backend as a mock: the service identity, alice with her GitHub token. */
export function scmAccountsApiMock(
  overrides: Partial<ScmAccountsApi> = {},
): jest.Mocked<ScmAccountsApi> {
  return {
    getHosts: jest.fn(async () => hosts),
    getIdentity: jest.fn(async (host: string, token?: string) =>
      token === ALICE_GITHUB_TOKEN ? aliceOnGithub : serviceAnswer(host),
    ),
    ...overrides,
  } as jest.Mocked<ScmAccountsApi>;
}

/** GitHub and GitLab sign-in APIs whose popup hands out `token` (or fails with `error`). */
export function scmAuthApiMocks(
  options: { token?: string; error?: Error } = {},
) {
  const getAccessToken = jest.fn(async () => {
    if (options.error) throw options.error;
    return options.token ?? ALICE_GITHUB_TOKEN;
  });
  const auth = { getAccessToken } as any;
  return {
    getAccessToken,
    apis: [
      [githubAuthApiRef, auth],
      [gitlabAuthApiRef, auth],
    ] as const,
  };
}

/** The APIs the card needs, for tests of pages that contain it. */
export function scmAccountsTestApis() {
  return [
    [scmAccountsApiRef, scmAccountsApiMock()] as const,
    ...scmAuthApiMocks().apis,
  ];
}
