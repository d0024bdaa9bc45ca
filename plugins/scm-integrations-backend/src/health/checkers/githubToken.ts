import { callApiOk, rateLimitFromHeaders } from './http';
import { fingerprint } from './fingerprint';
import { githubScopeGranted } from './scopes';
import type { CredentialCheck } from './types';

/** `2026-03-01 12:00:00 UTC` or `2026-03-01 04:00:00 -0800` → ISO. */
export function parseGithubExpiration(header: string): string | undefined {
  const match =
    /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) (UTC|[+-]\d{4})$/.exec(
      header.trim(),
    );
  if (!match) {
    return undefined;
  }
  const [, date, time, zone] = match;
  const offset = zone === 'UTC' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const parsed = Date.parse(`${date}T${time}${offset}`);
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
}

/**
 * A GitHub personal access token (classic or fine-grained): `GET /user` tells
 * the login, the scopes (`x-oauth-scopes`; fine-grained tokens send none),
 * the rate limit and the expiry (`github-authentication-token-expiration`).
 */
export function githubTokenCheck(options: {
  apiBaseUrl: string;
  token: string;
}): CredentialCheck {
  const { apiBaseUrl, token } = options;
  return {
    id: 'token',
    kind: 'personal-access-token',
    label: `personal access token …${fingerprint(token)}`,
    requires: 'scopes',
    isGranted: githubScopeGranted,
    secrets: [token],
    async run(context) {
      const answer = await callApiOk(
        `${apiBaseUrl}/user`,
        {
          headers: {
            authorization: `token ${token}`,
            accept: 'application/vnd.github+json',
          },
        },
        context,
        'GET /user',
      );
      const scopes = answer.headers.get('x-oauth-scopes');
      const expiration = answer.headers.get(
        'github-authentication-token-expiration',
      );
      return {
        login: (answer.body as { login?: string })?.login,
        grantedScopes:
          scopes === null
            ? null
            : scopes
                .split(',')
                .map(s => s.trim())
                .filter(Boolean),
        rateLimit: rateLimitFromHeaders(answer.headers, 'x-ratelimit-'),
        expiresAt: expiration ? parseGithubExpiration(expiration) : null,
      };
    },
  };
}
