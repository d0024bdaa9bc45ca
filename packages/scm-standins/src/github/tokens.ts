import { FaultState } from '../common/faults';
import { IssuedToken, randomToken } from '../common/oauthGrants';
import { GithubFixtureToken, GithubFixtureUser, githubNodeId } from './fixture';
import { GithubModel } from './model';

/** Who a token belongs to and what it may do. */
export interface GithubCaller {
  kind: 'pat' | 'oauth' | 'installation';
  user: GithubFixtureUser;
  scopes: string[];
  /** The fixture PAT, for `kind: 'pat'`. */
  pat?: GithubFixtureToken;
  /** The installation, for `kind: 'installation'`. */
  installation?: { appId: number; installationId: number };
}

const INSTALLATION_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

/** The tokens the GitHub stand-in accepts: fixture PATs and ones it issued. */
export class GithubTokens {
  private readonly oauth = new Map<string, IssuedToken>();
  private readonly installations = new Map<
    string,
    { appId: number; installationId: number; expiresAt: number }
  >();

  constructor(
    private readonly model: GithubModel,
    private readonly faults: FaultState,
  ) {}

  issueOAuthToken(login: string, scopes: string[]): string {
    const token = randomToken('gho_');
    this.oauth.set(token, { account: login, scopes, createdAt: Date.now() });
    return token;
  }

  issueInstallationToken(
    appId: number,
    installationId: number,
  ): { token: string; expiresAt: Date } {
    const token = randomToken('ghs_');
    const expiresAt = Date.now() + INSTALLATION_TOKEN_LIFETIME_MS;
    this.installations.set(token, { appId, installationId, expiresAt });
    return { token, expiresAt: new Date(expiresAt) };
  }

  resolve(token: string | undefined): GithubCaller | undefined {
    if (!token || this.faults.isRevoked(token)) {
      return undefined;
    }
    const pat = this.model.fixture.tokens.find(t => t.token === token);
    if (pat) {
      const user = this.model.user(pat.login);
      const expired =
        pat.expiresAt !== undefined && Date.parse(pat.expiresAt) <= Date.now();
      return user && !expired
        ? { kind: 'pat', user, scopes: pat.fineGrained ? [] : pat.scopes, pat }
        : undefined;
    }
    const issued = this.oauth.get(token);
    if (issued) {
      const user = this.model.user(issued.account);
      return user ? { kind: 'oauth', user, scopes: issued.scopes } : undefined;
    }
    const installation = this.installations.get(token);
    if (installation && installation.expiresAt > Date.now()) {
      const app = this.model.fixture.apps?.find(
        a => a.appId === installation.appId,
      );
      const botId = 40_000_000 + installation.appId;
      return {
        kind: 'installation',
        user: {
          id: botId,
          nodeId: githubNodeId('Bot', botId),
          login: `${app?.slug ?? `app-${installation.appId}`}[bot]`,
          name: app?.slug ?? `app-${installation.appId}`,
          emails: [],
        },
        scopes: [],
        installation: {
          appId: installation.appId,
          installationId: installation.installationId,
        },
      };
    }
    return undefined;
  }
}
