import {
  jsonResponse,
  Route,
  StandinRequest,
  bearerToken,
} from '../common/http';
import { GithubFixtureUser, githubNodeId } from './fixture';
import { GHES_VERSION, GithubFlavour } from './flavour';
import { GithubModel, OrgIndex } from './model';
import { githubRestPage } from './restPage';
import {
  badCredentials,
  githubError,
  notFound,
  requiresAuthentication,
} from './responses';
import { GithubCaller, GithubTokens } from './tokens';

const CREATED_AT = '2020-01-01T00:00:00Z';

function restUser(baseUrl: string, user: GithubFixtureUser) {
  return {
    login: user.login,
    id: user.id,
    node_id: user.nodeId,
    avatar_url: `${baseUrl}/avatars/u/${user.id}?v=4`,
    gravatar_id: '',
    url: `${baseUrl}/api/v3/users/${user.login}`,
    html_url: `${baseUrl}/${user.login}`,
    type: 'User',
    site_admin: false,
    name: user.name,
    company: null,
    blog: '',
    location: null,
    email: user.publicEmail ?? null,
    hireable: null,
    bio: user.bio ?? null,
    public_repos: 0,
    followers: 0,
    following: 0,
    created_at: CREATED_AT,
    updated_at: CREATED_AT,
    suspended_at: user.suspendedAt ?? null,
  };
}

function restOrg(baseUrl: string, index: OrgIndex) {
  const { org } = index;
  return {
    login: org.login,
    id: org.id,
    node_id: githubNodeId('Organization', org.id),
    url: `${baseUrl}/api/v3/orgs/${org.login}`,
    avatar_url: `${baseUrl}/avatars/o/${org.id}`,
    description: null,
    name: org.name,
    html_url: `${baseUrl}/${org.login}`,
    type: 'Organization',
  };
}

/** GitHub's `github-authentication-token-expiration` format: `2026-03-01 12:00:00 UTC`. */
function githubExpirationHeader(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The REST endpoints the sign-in and org code use (`/api/v3/...`). */
export function githubRestRoutes(
  model: GithubModel,
  tokens: GithubTokens,
  baseUrl: () => string,
  flavour: GithubFlavour,
): Route[] {
  /** The caller, or the 401 GitHub would answer. */
  const authenticate = (
    request: StandinRequest,
  ): GithubCaller | { error: ReturnType<typeof badCredentials> } => {
    if (!request.headers.authorization) {
      return { error: requiresAuthentication() };
    }
    const caller = tokens.resolve(bearerToken(request));
    return caller ?? { error: badCredentials() };
  };
  const scopeHeaders = (caller: GithubCaller): Record<string, string> => ({
    ...(caller.kind !== 'installation' &&
      !caller.pat?.fineGrained && {
        'x-oauth-scopes': caller.scopes.join(', '),
      }),
    ...(caller.pat?.expiresAt && {
      'github-authentication-token-expiration': githubExpirationHeader(
        caller.pat.expiresAt,
      ),
    }),
  });

  return [
    {
      method: 'GET',
      path: '/api/v3/user',
      handler: request => {
        const caller = authenticate(request);
        if ('error' in caller) {
          return caller.error;
        }
        if (caller.kind === 'installation') {
          return githubError(403, 'Resource not accessible by integration');
        }
        return jsonResponse(
          200,
          restUser(baseUrl(), caller.user),
          scopeHeaders(caller),
        );
      },
    },
    {
      method: 'GET',
      path: '/api/v3/user/emails',
      handler: (request, meta) => {
        const caller = authenticate(request);
        if ('error' in caller) {
          return caller.error;
        }
        const headers = {
          ...scopeHeaders(caller),
          'x-accepted-oauth-scopes': 'user, user:email',
        };
        if (
          caller.kind === 'installation' ||
          !caller.scopes.some(s => s === 'user' || s === 'user:email')
        ) {
          return githubError(404, 'Not Found', headers);
        }
        const page = githubRestPage(
          request,
          meta,
          baseUrl(),
          caller.user.emails,
        );
        return jsonResponse(
          200,
          page.items.map(email => ({
            email: email.email,
            primary: email.primary,
            verified: email.verified,
            visibility: email.primary ? 'public' : null,
          })),
          { ...headers, ...page.headers },
        );
      },
    },
    {
      method: 'GET',
      path: '/api/v3/users/:login',
      handler: request => {
        const caller = authenticate(request);
        if ('error' in caller) {
          return caller.error;
        }
        const user = model.user(request.params.login);
        return user ? jsonResponse(200, restUser(baseUrl(), user)) : notFound();
      },
    },
    {
      method: 'GET',
      path: '/api/v3/orgs/:org',
      handler: request => {
        const caller = authenticate(request);
        if ('error' in caller) {
          return caller.error;
        }
        const index = model.org(request.params.org);
        return index
          ? jsonResponse(200, restOrg(baseUrl(), index))
          : notFound();
      },
    },
    {
      method: 'GET',
      path: '/api/v3/orgs/:org/members',
      handler: (request, meta) => {
        const caller = authenticate(request);
        if ('error' in caller) {
          return caller.error;
        }
        const index = model.org(request.params.org);
        if (!index) {
          return notFound();
        }
        const role = request.url.searchParams.get('role');
        const members =
          role === 'admin' || role === 'member'
            ? index.members.filter(
                m =>
                  index.roleByLogin.get(m.login.toLowerCase()) ===
                  role.toUpperCase(),
              )
            : index.members;
        const page = githubRestPage(request, meta, baseUrl(), members);
        return jsonResponse(
          200,
          page.items.map(user => {
            const full = restUser(baseUrl(), user);
            return {
              login: full.login,
              id: full.id,
              node_id: full.node_id,
              avatar_url: full.avatar_url,
              url: full.url,
              html_url: full.html_url,
              type: full.type,
              site_admin: full.site_admin,
            };
          }),
          page.headers,
        );
      },
    },
    {
      method: 'GET',
      path: '/api/v3/orgs/:org/memberships/:username',
      handler: request => {
        const caller = authenticate(request);
        if ('error' in caller) {
          return caller.error;
        }
        const index = model.org(request.params.org);
        const user = model.user(request.params.username);
        const role = user && index?.roleByLogin.get(user.login.toLowerCase());
        if (!index || !user || !role) {
          return notFound();
        }
        return jsonResponse(200, {
          state: 'active',
          role: role === 'ADMIN' ? 'admin' : 'member',
          organization: restOrg(baseUrl(), index),
          user: restUser(baseUrl(), user),
        });
      },
    },
    {
      method: 'GET',
      path: '/api/v3/rate_limit',
      handler: request => {
        const caller = authenticate(request);
        if ('error' in caller) {
          return caller.error;
        }
        const core = flavour.restStatus(request, 'core');
        return jsonResponse(
          200,
          {
            resources: {
              core,
              graphql: flavour.restStatus(request, 'graphql'),
            },
            rate: core,
          },
          scopeHeaders(caller),
        );
      },
    },
    {
      method: 'GET',
      path: '/api/v3/versions',
      handler: () => jsonResponse(200, ['2022-11-28']),
    },
    {
      method: 'GET',
      path: '/api/v3/meta',
      handler: () =>
        jsonResponse(200, {
          verifiable_password_authentication: false,
          installed_version: GHES_VERSION,
        }),
    },
  ];
}
