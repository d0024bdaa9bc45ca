import { renderConsentPage } from '../common/consentPage';
import {
  jsonResponse,
  readFields,
  Route,
  StandinRequest,
  StandinResponse,
} from '../common/http';
import { AuthorizationCodes } from '../common/oauthGrants';
import { GitlabModel } from './model';
import { ACCESS_TOKEN_SECONDS, GitlabTokens } from './tokens';

const AUTHORIZE_PATH = '/oauth/authorize';

const INVALID_CLIENT = {
  error: 'invalid_client',
  error_description:
    'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
};
const INVALID_GRANT = {
  error: 'invalid_grant',
  error_description:
    'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
};

function htmlError(status: number, message: string): StandinResponse {
  return {
    status,
    html: `<!doctype html><html><head><title>An error has occurred</title></head><body><h1>An error has occurred</h1><p>${message}</p></body></html>`,
  };
}

const parseScopes = (scope: string | undefined) =>
  (scope ?? '').split(/[\s,+]+/).filter(Boolean);

function clientCredentials(
  request: StandinRequest,
  fields: Record<string, string>,
) {
  const basic = /^basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (basic) {
    const [id, secret] = Buffer.from(basic[1], 'base64')
      .toString('utf8')
      .split(':');
    return {
      clientId: decodeURIComponent(id ?? ''),
      clientSecret: decodeURIComponent(secret ?? ''),
    };
  }
  return { clientId: fields.client_id, clientSecret: fields.client_secret };
}

/** GitLab's OAuth: consent page, code, token (code and refresh grants), token info. */
export function gitlabOAuthRoutes(
  model: GitlabModel,
  tokens: GitlabTokens,
): Route[] {
  const codes = new AuthorizationCodes();
  const app = (clientId: string | undefined) =>
    model.fixture.oauthApps.find(a => a.clientId === clientId);
  const consentUsers = () => {
    const names = model.fixture.consentUsernames;
    return names
      ? names.flatMap(name => model.userByUsername(name) ?? [])
      : model.fixture.users;
  };

  const checkAuthorize = (fields: Record<string, string>) => {
    const oauthApp = app(fields.client_id);
    if (!oauthApp) {
      return {
        error: htmlError(401, INVALID_CLIENT.error_description),
      };
    }
    if (!fields.redirect_uri) {
      return {
        error: htmlError(
          400,
          'The redirect URI included is not valid (missing redirect_uri).',
        ),
      };
    }
    if (!URL.canParse(fields.redirect_uri)) {
      return {
        error: htmlError(400, 'The redirect URI included is not valid.'),
      };
    }
    return { oauthApp };
  };

  const tokenAnswer = (pair: ReturnType<GitlabTokens['issue']>) =>
    jsonResponse(200, {
      access_token: pair.accessToken,
      token_type: 'Bearer',
      expires_in: ACCESS_TOKEN_SECONDS,
      refresh_token: pair.refreshToken,
      scope: pair.issued.scopes.join(' '),
      created_at: Math.floor(pair.issued.createdAt / 1000),
    });

  return [
    {
      method: 'GET',
      path: AUTHORIZE_PATH,
      handler: request => {
        const fields = readFields(request);
        const checked = checkAuthorize(fields);
        if (checked.error) {
          return checked.error;
        }
        return {
          status: 200,
          html: renderConsentPage({
            service: 'GitLab',
            action: AUTHORIZE_PATH,
            clientName: checked.oauthApp.name,
            scopes: parseScopes(fields.scope),
            accounts: consentUsers().map(user => ({
              value: user.username,
              label: `${user.name} (${user.username})`,
            })),
            carry: {
              client_id: fields.client_id,
              redirect_uri: fields.redirect_uri,
              response_type: fields.response_type ?? 'code',
              scope: fields.scope ?? '',
              state: fields.state ?? '',
            },
          }),
        };
      },
    },
    {
      method: 'POST',
      path: AUTHORIZE_PATH,
      handler: request => {
        const fields = readFields(request);
        const checked = checkAuthorize(fields);
        if (checked.error) {
          return checked.error;
        }
        const user = fields.login
          ? model.userByUsername(fields.login)
          : undefined;
        if (!user) {
          return htmlError(400, 'Pick an account to sign in as.');
        }
        const target = new URL(fields.redirect_uri);
        if (user.state === 'blocked') {
          target.searchParams.set('error', 'access_denied');
          target.searchParams.set(
            'error_description',
            'Your account has been blocked.',
          );
        } else {
          target.searchParams.set(
            'code',
            codes.issue({
              clientId: fields.client_id,
              redirectUri: fields.redirect_uri,
              account: user.username,
              scopes: parseScopes(fields.scope),
            }),
          );
        }
        if (fields.state) {
          target.searchParams.set('state', fields.state);
        }
        return {
          status: 302,
          headers: { location: target.toString() },
          text: '',
        };
      },
    },
    {
      method: 'POST',
      path: '/oauth/token',
      handler: request => {
        const fields = readFields(request);
        const { clientId, clientSecret } = clientCredentials(request, fields);
        const oauthApp = app(clientId);
        if (!oauthApp || oauthApp.clientSecret !== clientSecret) {
          return jsonResponse(401, INVALID_CLIENT);
        }
        if (fields.grant_type === 'authorization_code') {
          const grant = codes.redeem(
            fields.code ?? '',
            clientId,
            fields.redirect_uri ?? '',
          );
          return grant
            ? tokenAnswer(tokens.issue(grant.account, grant.scopes, clientId))
            : jsonResponse(400, INVALID_GRANT);
        }
        if (fields.grant_type === 'refresh_token') {
          const pair = tokens.rotate(fields.refresh_token ?? '', clientId);
          return pair ? tokenAnswer(pair) : jsonResponse(400, INVALID_GRANT);
        }
        return jsonResponse(400, {
          error: 'unsupported_grant_type',
          error_description:
            'The authorization grant type is not supported by the authorization server.',
        });
      },
    },
    {
      method: 'GET',
      path: '/oauth/token/info',
      handler: request => {
        const caller = tokens.resolveRequest(request);
        if (!caller) {
          return jsonResponse(401, {
            error: 'invalid_token',
            error_description: 'The access token is invalid',
          });
        }
        const expiresAt = caller.oauth?.expiresAt;
        return jsonResponse(200, {
          resource_owner_id: caller.user.id,
          scope: caller.scopes,
          scopes: caller.scopes,
          expires_in:
            expiresAt === undefined
              ? null
              : Math.max(0, Math.floor((expiresAt - Date.now()) / 1000)),
          expires_in_seconds:
            expiresAt === undefined
              ? null
              : Math.max(0, Math.floor((expiresAt - Date.now()) / 1000)),
          application: caller.oauth
            ? { uid: caller.oauth.applicationId }
            : null,
          created_at: Math.floor((caller.oauth?.createdAt ?? 0) / 1000),
        });
      },
    },
  ];
}
