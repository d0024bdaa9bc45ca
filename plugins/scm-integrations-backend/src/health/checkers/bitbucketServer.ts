import type { BitbucketServerIntegrationConfig } from '@backstage/integration';
import { CheckFailure, callApiOk } from './http';
import { fingerprint } from './fingerprint';
import { listedScopeGranted } from './scopes';
import type { CredentialCheck } from './types';

/**
 * Bitbucket Server / Data Center: a token (Bearer) or username and password
 * (Basic). With a username, `GET /rest/api/1.0/users/<username>`; without,
 * `GET /rest/api/1.0/application-properties`, whose `X-AUSERNAME` header
 * names the account (absent: the request was served anonymously).
 */
export function bitbucketServerChecks(
  config: BitbucketServerIntegrationConfig,
): CredentialCheck[] {
  const { apiBaseUrl, token, username, password } = config;
  let authorization: string;
  let secret: string;
  if (token) {
    authorization = `Bearer ${token}`;
    secret = token;
  } else if (username && password) {
    authorization = `Basic ${Buffer.from(`${username}:${password}`).toString(
      'base64',
    )}`;
    secret = password;
  } else {
    return [];
  }
  return [
    {
      id: token ? 'token' : 'basic-auth',
      kind: token ? 'personal-access-token' : 'basic-auth',
      label: token
        ? `HTTP access token …${fingerprint(token)}`
        : `password of ${username} …${fingerprint(password!)}`,
      requires: 'nothing',
      isGranted: listedScopeGranted,
      secrets: [secret],
      async run(context) {
        const path = username
          ? `/users/${encodeURIComponent(username)}`
          : '/application-properties';
        const answer = await callApiOk(
          `${apiBaseUrl}${path}`,
          { headers: { authorization } },
          context,
          `GET ${path}`,
        );
        const login =
          answer.headers.get('x-ausername') ??
          (username ? (answer.body as { name?: string })?.name : undefined);
        if (!login) {
          throw new CheckFailure(
            'answered anonymously: the token was not accepted',
          );
        }
        return { login, grantedScopes: null };
      },
    },
  ];
}
