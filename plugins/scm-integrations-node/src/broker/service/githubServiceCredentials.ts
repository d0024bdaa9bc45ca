import {
  GithubAppCredentialsMux,
  GithubIntegrationConfig,
} from '@backstage/integration';
import { NO_CREDENTIAL, ServiceCredential } from './types';

const API_COLLECTIONS = new Set(['repos', 'orgs', 'users']);

/**
 * The owner (org or user) and repository a GitHub URL is about:
 * `https://ghe/acme/repo`, `https://api.github.com/repos/acme/repo`,
 * `https://ghe/api/v3/orgs/acme`.
 */
export function githubOwnerOf(
  url: URL,
  config: GithubIntegrationConfig,
): { owner?: string; repo?: string } {
  let path = url.pathname;
  if (config.apiBaseUrl) {
    const api = new URL(config.apiBaseUrl);
    const prefix = api.pathname.replace(/\/+$/, '');
    if (api.host === url.host && path.startsWith(prefix)) {
      path = path.slice(prefix.length);
    }
  }
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length > 1 && API_COLLECTIONS.has(parts[0])) parts.shift();
  if (parts[0] === 'api' || parts[0] === 'graphql') return {};
  return { owner: parts[0], repo: parts[1]?.replace(/\.git$/, '') };
}

/**
 * The service identity on one GitHub host: an installation token of the
 * first GitHub App (config order) installed for the URL's owner and allowed
 * by its `allowedInstallationOwners`, else the personal access token, else
 * nothing. Tokens are created and cached by upstream's
 * `GithubAppCredentialsMux`, one per App so that the App is known.
 */
export class GithubServiceCredentials {
  private readonly apps: { appId: number; mux: GithubAppCredentialsMux }[];

  constructor(private readonly config: GithubIntegrationConfig) {
    this.apps = (config.apps ?? []).map(app => ({
      appId: app.appId,
      mux: new GithubAppCredentialsMux(config, [app.appId]),
    }));
  }

  async get(url: URL): Promise<ServiceCredential> {
    const { owner, repo } = githubOwnerOf(url, this.config);
    const failures: Error[] = [];
    // Without an owner there is no installation to ask for (upstream would
    // return the App's own JWT, which cannot read org data).
    for (const { appId, mux } of owner ? this.apps : []) {
      try {
        const token = await mux.getAppToken(owner, repo);
        if (token) {
          return {
            credential: 'github-app',
            appId,
            token,
            headers: { Authorization: `Bearer ${token}` },
          };
        }
      } catch (e) {
        failures.push(
          new Error(`GitHub App ${appId}: ${(e as Error).message}`),
        );
      }
    }
    const fallbackReason = this.apps.length
      ? [
          owner
            ? `no GitHub App is installed for '${owner}' (or allowed by allowedInstallationOwners)`
            : 'the URL names no org or user',
          ...failures.map(f => f.message),
        ].join('; ')
      : undefined;
    if (this.config.token) {
      return {
        credential: 'personal-access-token',
        token: this.config.token,
        headers: { Authorization: `Bearer ${this.config.token}` },
        fallbackReason,
      };
    }
    if (failures.length) throw failures[0];
    return { ...NO_CREDENTIAL, fallbackReason };
  }
}
