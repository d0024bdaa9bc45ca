import { CheckFailure, callApi, failureOf, rateLimitFromHeaders } from './http';
import { fingerprint } from './fingerprint';
import { gitlabScopeGranted } from './scopes';
import type { CredentialCheck } from './types';

type TokenSelf = {
  scopes?: string[];
  expires_at?: string | null;
  revoked?: boolean;
  active?: boolean;
};

/**
 * A GitLab token: `GET /personal_access_tokens/self` tells the scopes, the
 * expiry and whether it is revoked (personal, group and project access
 * tokens); `GET /user` the account. A token that is no access token (an
 * OAuth token: 404 on `/self`) is checked with `/user` alone.
 */
export function gitlabTokenCheck(options: {
  apiBaseUrl: string;
  token: string;
}): CredentialCheck {
  const { apiBaseUrl, token } = options;
  const headers = { authorization: `Bearer ${token}` };
  return {
    id: 'token',
    kind: 'gitlab-token',
    label: `access token …${fingerprint(token)}`,
    requires: 'scopes',
    isGranted: gitlabScopeGranted,
    secrets: [token],
    async run(context) {
      const self = await callApi(
        `${apiBaseUrl}/personal_access_tokens/self`,
        { headers },
        context,
      );
      const isAccessToken = self.status !== 404;
      if (isAccessToken && self.status !== 200) {
        throw failureOf(self, 'GET /personal_access_tokens/self');
      }
      const details = (isAccessToken ? self.body : {}) as TokenSelf;
      if (details.revoked || details.active === false) {
        throw new CheckFailure(
          details.revoked ? 'the token is revoked' : 'the token is inactive',
        );
      }
      const user = await callApi(`${apiBaseUrl}/user`, { headers }, context);
      if (user.status === 401 || (!isAccessToken && user.status !== 200)) {
        throw failureOf(user, 'GET /user');
      }
      let expiresAt: string | null | undefined;
      if (isAccessToken) {
        expiresAt = details.expires_at
          ? new Date(`${details.expires_at}T00:00:00Z`).toISOString()
          : null;
      }
      return {
        login:
          user.status === 200
            ? (user.body as { username?: string })?.username
            : undefined,
        grantedScopes: isAccessToken ? details.scopes ?? [] : null,
        rateLimit: rateLimitFromHeaders(user.headers, 'ratelimit-'),
        expiresAt,
      };
    },
  };
}
