import { createPublicKey, KeyObject, verify } from 'node:crypto';
import {
  jsonResponse,
  Route,
  StandinRequest,
  bearerToken,
} from '../common/http';
import { DEFAULT_GITHUB_APP_PERMISSIONS, GithubFixtureApp } from './fixture';
import { GithubModel } from './model';
import { githubRestPage } from './restPage';
import { githubError, notFound } from './responses';
import { GithubTokens } from './tokens';

/** Checks an app JWT (RS256, `iss` = app id, not expired); the app or an error message. */
export function verifyAppJwt(
  apps: GithubFixtureApp[],
  keys: Map<number, KeyObject>,
  jwt: string | undefined,
  nowSeconds: number,
): GithubFixtureApp | string {
  const parts = (jwt ?? '').split('.');
  if (parts.length !== 3) {
    return 'A JSON web token could not be decoded';
  }
  let header: { alg?: string };
  let payload: { iss?: unknown; exp?: unknown; iat?: unknown };
  try {
    header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
    payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return 'A JSON web token could not be decoded';
  }
  if (header.alg !== 'RS256') {
    return 'A JSON web token could not be decoded';
  }
  const app = apps.find(a => String(a.appId) === String(payload.iss));
  const key = app && keys.get(app.appId);
  if (!app || !key) {
    return 'Integration not found';
  }
  const signed = verify(
    'RSA-SHA256',
    Buffer.from(`${parts[0]}.${parts[1]}`),
    key,
    Buffer.from(parts[2], 'base64url'),
  );
  if (!signed) {
    return 'A JSON web token could not be decoded';
  }
  if (typeof payload.exp !== 'number' || payload.exp <= nowSeconds) {
    return "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires.";
  }
  if (typeof payload.iat === 'number' && payload.iat > nowSeconds + 60) {
    return "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued.";
  }
  return app;
}

/** GitHub App endpoints: the app, its installations, installation tokens. */
export function githubAppRoutes(
  model: GithubModel,
  tokens: GithubTokens,
  baseUrl: () => string,
): Route[] {
  const apps = model.fixture.apps ?? [];
  const keys = new Map<number, KeyObject>();
  for (const app of apps) {
    const pem = app.publicKeyPem ?? app.privateKeyPem;
    if (!pem) {
      throw new Error(`GitHub fixture: app ${app.appId} has no key`);
    }
    keys.set(app.appId, createPublicKey(pem));
  }
  const authenticate = (request: StandinRequest) =>
    verifyAppJwt(
      apps,
      keys,
      bearerToken(request),
      Math.floor(Date.now() / 1000),
    );
  const installation = (app: GithubFixtureApp, id: number) =>
    app.installations.find(i => i.id === id);
  const appPermissions = (app: GithubFixtureApp) =>
    app.permissions ?? DEFAULT_GITHUB_APP_PERMISSIONS;
  const installationPermissions = (
    app: GithubFixtureApp,
    entry: GithubFixtureApp['installations'][number],
  ) => entry.permissions ?? appPermissions(app);
  const installationJson = (
    app: GithubFixtureApp,
    entry: GithubFixtureApp['installations'][number],
  ) => {
    const org = model.org(entry.account);
    return {
      id: entry.id,
      app_id: app.appId,
      app_slug: app.slug ?? `app-${app.appId}`,
      target_type: 'Organization',
      target_id: org?.org.id ?? 0,
      account: {
        login: entry.account,
        id: org?.org.id ?? 0,
        type: 'Organization',
      },
      repository_selection: 'all',
      permissions: installationPermissions(app, entry),
      access_tokens_url: `${baseUrl()}/api/v3/app/installations/${
        entry.id
      }/access_tokens`,
      suspended_at: null,
    };
  };

  return [
    {
      method: 'GET',
      path: '/api/v3/app',
      handler: request => {
        const app = authenticate(request);
        if (typeof app === 'string') {
          return githubError(401, app);
        }
        const slug = app.slug ?? `app-${app.appId}`;
        const owner =
          app.owner ?? app.installations[0]?.account ?? 'example-corp';
        return jsonResponse(200, {
          id: app.appId,
          slug,
          name: app.name ?? slug,
          owner: {
            login: owner,
            id: model.org(owner)?.org.id ?? 0,
            type: 'Organization',
          },
          permissions: appPermissions(app),
          events: [],
          installations_count: app.installations.length,
        });
      },
    },
    {
      method: 'GET',
      path: '/api/v3/app/installations',
      handler: (request, meta) => {
        const app = authenticate(request);
        if (typeof app === 'string') {
          return githubError(401, app);
        }
        const page = githubRestPage(
          request,
          meta,
          baseUrl(),
          app.installations,
        );
        return jsonResponse(
          200,
          page.items.map(entry => installationJson(app, entry)),
          page.headers,
        );
      },
    },
    {
      method: 'POST',
      path: '/api/v3/app/installations/:id/access_tokens',
      handler: request => {
        const app = authenticate(request);
        if (typeof app === 'string') {
          return githubError(401, app);
        }
        const entry = installation(app, Number(request.params.id));
        if (!entry) {
          return notFound();
        }
        const issued = tokens.issueInstallationToken(app.appId, entry.id);
        return jsonResponse(201, {
          token: issued.token,
          expires_at: issued.expiresAt.toISOString(),
          permissions: installationPermissions(app, entry),
          repository_selection: 'all',
        });
      },
    },
  ];
}
