import { createPrivateKey, sign } from 'node:crypto';
import type { GithubAppConfig } from '@backstage/integration';
import { CheckFailure, callApiOk } from './http';
import { githubAppPermissionGranted } from './scopes';
import type { CheckContext, CredentialCheck } from './types';

type Installation = {
  id: number;
  account?: { login?: string } | null;
  permissions?: Record<string, string>;
  suspended_at?: string | null;
};

const LEVELS = ['read', 'write', 'admin'];

/** A JWT for the app (RS256, valid 9 minutes, backdated 60 s for clock drift). */
export function githubAppJwt(appId: number, privateKey: string): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) =>
    Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode({
    iat: now - 60,
    exp: now + 540,
    iss: appId,
  })}`;
  let key;
  try {
    key = createPrivateKey(privateKey);
  } catch {
    throw new CheckFailure('the private key cannot be read as a PEM key');
  }
  const signature = sign('RSA-SHA256', Buffer.from(unsigned), key);
  return `${unsigned}.${signature.toString('base64url')}`;
}

/** Permissions every installation granted, as `name:level` at the lowest level among them. */
export function commonPermissions(installations: Installation[]): string[] {
  const [first, ...rest] = installations;
  return Object.entries(first?.permissions ?? {})
    .map(([name, level]) => {
      const levels = [level, ...rest.map(i => i.permissions?.[name])];
      if (levels.some(l => l === undefined || !LEVELS.includes(l))) {
        return undefined;
      }
      const lowest = Math.min(...levels.map(l => LEVELS.indexOf(l!)));
      return `${name}:${LEVELS[lowest]}`;
    })
    .filter((entry): entry is string => entry !== undefined)
    .sort();
}

async function installationsOf(
  apiBaseUrl: string,
  jwt: string,
  context: CheckContext,
): Promise<Installation[]> {
  const answer = await callApiOk(
    `${apiBaseUrl}/app/installations?per_page=100`,
    { headers: { authorization: `Bearer ${jwt}` } },
    context,
    'GET /app/installations',
  );
  return Array.isArray(answer.body) ? (answer.body as Installation[]) : [];
}

/**
 * A GitHub App: a JWT signed with its private key → `GET /app`; its
 * installations (those in `allowedInstallationOwners` when set) → the
 * permissions all of them granted; an installation token → its expiry and
 * `GET /rate_limit`.
 */
export function githubAppCheck(options: {
  apiBaseUrl: string;
  app: GithubAppConfig;
}): CredentialCheck {
  const { apiBaseUrl, app } = options;
  const allowed = app.allowedInstallationOwners?.map(o => o.toLowerCase());
  return {
    id: `app:${app.appId}`,
    kind: 'github-app',
    label: `GitHub App ${app.appId}`,
    requires: 'appPermissions',
    isGranted: githubAppPermissionGranted,
    secrets: [app.privateKey, app.clientSecret, app.webhookSecret ?? ''].filter(
      Boolean,
    ),
    async run(context) {
      const jwt = githubAppJwt(Number(app.appId), app.privateKey);
      const described = await callApiOk(
        `${apiBaseUrl}/app`,
        { headers: { authorization: `Bearer ${jwt}` } },
        context,
        'GET /app',
      );
      const slug = (described.body as { slug?: string })?.slug;
      const installations = (
        await installationsOf(apiBaseUrl, jwt, context)
      ).filter(
        i =>
          !i.suspended_at &&
          (!allowed || allowed.includes(i.account?.login?.toLowerCase() ?? '')),
      );
      const owners = installations.map(i => i.account?.login ?? `#${i.id}`);
      const label = `GitHub App ${app.appId}${
        owners.length ? ` (${owners.join(', ')})` : ''
      }`;
      if (installations.length === 0) {
        return {
          label,
          login: slug && `${slug}[bot]`,
          grantedScopes: [],
          errors: [
            allowed
              ? `not installed for ${app.allowedInstallationOwners!.join(
                  ', ',
                )} (allowedInstallationOwners)`
              : 'not installed on any account',
          ],
        };
      }
      const issued = await callApiOk(
        `${apiBaseUrl}/app/installations/${installations[0].id}/access_tokens`,
        { method: 'POST', headers: { authorization: `Bearer ${jwt}` } },
        context,
        'POST /app/installations/:id/access_tokens',
      );
      const { token, expires_at: expiresAt } = issued.body as {
        token: string;
        expires_at?: string;
      };
      const limits = await callApiOk(
        `${apiBaseUrl}/rate_limit`,
        { headers: { authorization: `token ${token}` } },
        context,
        'GET /rate_limit',
      );
      const core = (
        limits.body as {
          resources?: {
            core?: { limit: number; remaining: number; reset?: number };
          };
        }
      )?.resources?.core;
      return {
        label,
        login: slug && `${slug}[bot]`,
        grantedScopes: commonPermissions(installations),
        rateLimit: core && {
          limit: core.limit,
          remaining: core.remaining,
          ...(core.reset && {
            resetAt: new Date(core.reset * 1000).toISOString(),
          }),
        },
        expiresAt: expiresAt ? new Date(expiresAt).toISOString() : undefined,
        expiryRenews: true,
      };
    },
  };
}
