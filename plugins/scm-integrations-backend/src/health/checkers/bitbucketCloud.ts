import type { BitbucketCloudIntegrationConfig } from '@backstage/integration';
import { callApiOk } from './http';
import { fingerprint } from './fingerprint';
import { listedScopeGranted } from './scopes';
import type { CheckContext, CredentialCheck } from './types';

const OAUTH_TOKEN_URL = 'https://bitbucket.org/site/oauth2/access_token';

function splitScopes(value: string | null | undefined): string[] | null {
  if (value === null || value === undefined) {
    return null;
  }
  return value
    .split(/[\s,]+/)
    .map(s => s.trim())
    .filter(Boolean);
}

async function currentUser(
  apiBaseUrl: string,
  authorization: string,
  context: CheckContext,
) {
  const answer = await callApiOk(
    `${apiBaseUrl}/user`,
    { headers: { authorization } },
    context,
    'GET /user',
  );
  const body = answer.body as { username?: string; display_name?: string };
  return { answer, login: body?.username ?? body?.display_name };
}

/**
 * Bitbucket Cloud: an OAuth consumer (client credentials grant, then
 * `GET /2.0/user`) or a username with an app password or API token (Basic,
 * `GET /2.0/user`). Scopes come from `x-oauth-scopes` when Bitbucket sends it.
 */
export function bitbucketCloudChecks(
  config: BitbucketCloudIntegrationConfig,
): CredentialCheck[] {
  const { apiBaseUrl } = config;
  if (config.clientId && config.clientSecret) {
    const { clientId, clientSecret } = config;
    return [
      {
        id: 'oauth-client',
        kind: 'bitbucket-oauth-client',
        label: `OAuth consumer ${clientId}`,
        requires: 'scopes',
        isGranted: listedScopeGranted,
        secrets: [clientSecret],
        async run(context) {
          const basic = Buffer.from(`${clientId}:${clientSecret}`).toString(
            'base64',
          );
          const issued = await fetchOAuthToken(basic, context);
          const { login } = await currentUser(
            apiBaseUrl,
            `Bearer ${issued.access_token}`,
            context,
          );
          return {
            login,
            grantedScopes: splitScopes(issued.scopes),
            expiresAt: null,
          };
        },
      },
    ];
  }
  const secret = config.token ?? config.appPassword;
  if (!config.username || !secret) {
    return [];
  }
  const username = config.username;
  return [
    {
      id: config.token ? 'token' : 'app-password',
      kind: config.token ? 'personal-access-token' : 'bitbucket-app-password',
      label: `${
        config.token ? 'API token' : 'app password'
      } of ${username} …${fingerprint(secret)}`,
      requires: 'scopes',
      isGranted: listedScopeGranted,
      secrets: [secret],
      async run(context) {
        const basic = Buffer.from(`${username}:${secret}`).toString('base64');
        const { answer, login } = await currentUser(
          apiBaseUrl,
          `Basic ${basic}`,
          context,
        );
        return {
          login,
          grantedScopes: splitScopes(answer.headers.get('x-oauth-scopes')),
        };
      },
    },
  ];
}

async function fetchOAuthToken(
  basic: string,
  context: CheckContext,
): Promise<{ access_token: string; scopes?: string }> {
  const response = await callApiOk(
    OAUTH_TOKEN_URL,
    {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    },
    context,
    'POST /site/oauth2/access_token',
  );
  return response.body as { access_token: string; scopes?: string };
}
