import { FaultState } from '../common/faults';
import { IssuedToken, randomToken } from '../common/oauthGrants';
import { StandinRequest, bearerToken } from '../common/http';
import { GitlabFixtureToken, GitlabFixtureUser } from './fixture';
import { GitlabModel } from './model';

/** GitLab OAuth access tokens live two hours. */
export const ACCESS_TOKEN_SECONDS = 7200;

export interface GitlabCaller {
  kind: 'pat' | 'oauth';
  user: GitlabFixtureUser;
  scopes: string[];
  pat?: GitlabFixtureToken;
  oauth?: IssuedToken & { applicationId: string };
}

interface OAuthPair {
  accessToken: string;
  refreshToken: string;
  issued: IssuedToken & { applicationId: string };
}

/** PATs from the fixture plus OAuth tokens (with rotating refresh tokens). */
export class GitlabTokens {
  private readonly access = new Map<string, OAuthPair>();
  private readonly refresh = new Map<string, OAuthPair>();

  constructor(
    private readonly model: GitlabModel,
    private readonly faults: FaultState,
  ) {}

  issue(username: string, scopes: string[], applicationId: string): OAuthPair {
    const pair: OAuthPair = {
      accessToken: randomToken(''),
      refreshToken: randomToken(''),
      issued: {
        account: username,
        scopes,
        applicationId,
        createdAt: Date.now(),
        expiresAt: Date.now() + ACCESS_TOKEN_SECONDS * 1000,
      },
    };
    this.access.set(pair.accessToken, pair);
    this.refresh.set(pair.refreshToken, pair);
    return pair;
  }

  /** Exchanges a refresh token once for a new pair (the old pair is revoked). */
  rotate(refreshToken: string, applicationId: string): OAuthPair | undefined {
    const pair = this.refresh.get(refreshToken);
    if (!pair || pair.issued.applicationId !== applicationId) {
      return undefined;
    }
    this.refresh.delete(refreshToken);
    this.access.delete(pair.accessToken);
    return this.issue(pair.issued.account, pair.issued.scopes, applicationId);
  }

  /** The caller of an API request: Bearer, PRIVATE-TOKEN or token query parameters. */
  resolveRequest(request: StandinRequest): GitlabCaller | undefined {
    const header = request.headers['private-token'];
    const token =
      bearerToken(request) ??
      (typeof header === 'string' ? header : undefined) ??
      request.url.searchParams.get('private_token') ??
      request.url.searchParams.get('access_token') ??
      undefined;
    return token ? this.resolve(token) : undefined;
  }

  resolve(token: string): GitlabCaller | undefined {
    if (this.faults.isRevoked(token)) {
      return undefined;
    }
    const pat = this.model.fixture.tokens.find(t => t.token === token);
    if (pat) {
      const user = this.model.userByUsername(pat.username);
      const expired =
        pat.expiresAt !== undefined &&
        Date.parse(`${pat.expiresAt}T23:59:59Z`) < Date.now();
      return user && !expired
        ? { kind: 'pat', user, scopes: pat.scopes, pat }
        : undefined;
    }
    const pair = this.access.get(token);
    if (pair && (pair.issued.expiresAt ?? Infinity) > Date.now()) {
      const user = this.model.userByUsername(pair.issued.account);
      return user
        ? {
            kind: 'oauth',
            user,
            scopes: pair.issued.scopes,
            oauth: pair.issued,
          }
        : undefined;
    }
    return undefined;
  }
}
