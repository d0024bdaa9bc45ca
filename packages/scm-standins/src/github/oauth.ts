import { renderConsentPage } from '../common/consentPage';
import {
  jsonResponse,
  readFields,
  Route,
  StandinRequest,
  StandinResponse,
} from '../common/http';
import { AuthorizationCodes } from '../common/oauthGrants';
import { GithubModel } from './model';
import { GithubTokens } from './tokens';

const AUTHORIZE_PATH = '/login/oauth/authorize';

function htmlError(status: number, message: string): StandinResponse {
  return {
    status,
    html: `<!doctype html><html><head><title>${status}</title></head><body><h1>${status}</h1><p>${message}</p></body></html>`,
  };
}

export function parseScopes(scope: string | undefined): string[] {
  return (scope ?? '').split(/[\s,]+/).filter(Boolean);
}

/** Answers in the format the client asked for, like GitHub's token endpoint. */
function tokenEndpointAnswer(
  request: StandinRequest,
  fields: Record<string, string>,
): StandinResponse {
  const accept = String(request.headers.accept ?? '');
  if (accept.includes('application/json')) {
    return jsonResponse(200, fields);
  }
  return {
    status: 200,
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    },
    text: new URLSearchParams(fields).toString(),
  };
}

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

/** GitHub's OAuth web flow: consent page, code, token exchange. */
export function githubOAuthRoutes(
  model: GithubModel,
  tokens: GithubTokens,
): Route[] {
  const codes = new AuthorizationCodes();
  const app = (clientId: string | undefined) =>
    model.fixture.oauthApps.find(a => a.clientId === clientId);

  /** Checks the authorize parameters; an error page when they are unusable. */
  const checkAuthorize = (fields: Record<string, string>) => {
    const oauthApp = app(fields.client_id);
    if (!oauthApp) {
      return { error: htmlError(404, 'Unknown or missing client_id.') };
    }
    if (!fields.redirect_uri) {
      return {
        error: htmlError(
          400,
          'The redirect_uri MUST match the registered callback URL for this application (missing redirect_uri).',
        ),
      };
    }
    if (!URL.canParse(fields.redirect_uri)) {
      return { error: htmlError(400, 'The redirect_uri is not a valid URL.') };
    }
    return { oauthApp };
  };

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
            service: 'GitHub',
            action: AUTHORIZE_PATH,
            clientName: checked.oauthApp.name,
            scopes: parseScopes(fields.scope),
            accounts: model.consentAccounts().map(user => ({
              value: user.login,
              label: `${user.name} (${user.login})`,
            })),
            carry: {
              client_id: fields.client_id,
              redirect_uri: fields.redirect_uri,
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
        const user = fields.login ? model.user(fields.login) : undefined;
        if (!user) {
          return htmlError(400, 'Pick an account to sign in as.');
        }
        const code = codes.issue({
          clientId: fields.client_id,
          redirectUri: fields.redirect_uri,
          account: user.login,
          scopes: parseScopes(fields.scope),
        });
        const target = new URL(fields.redirect_uri);
        target.searchParams.set('code', code);
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
      path: '/login/oauth/access_token',
      handler: request => {
        const fields = readFields(request);
        const { clientId, clientSecret } = clientCredentials(request, fields);
        const oauthApp = app(clientId);
        if (!oauthApp || oauthApp.clientSecret !== clientSecret) {
          return tokenEndpointAnswer(request, {
            error: 'incorrect_client_credentials',
            error_description:
              'The client_id and/or client_secret passed are incorrect.',
            error_uri:
              'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#incorrect-client-credentials',
          });
        }
        const grant = codes.redeem(
          fields.code ?? '',
          clientId,
          fields.redirect_uri || undefined,
        );
        if (!grant) {
          return tokenEndpointAnswer(request, {
            error: 'bad_verification_code',
            error_description: 'The code passed is incorrect or expired.',
            error_uri:
              'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code',
          });
        }
        return tokenEndpointAnswer(request, {
          access_token: tokens.issueOAuthToken(grant.account, grant.scopes),
          token_type: 'bearer',
          scope: grant.scopes.join(','),
        });
      },
    },
  ];
}
