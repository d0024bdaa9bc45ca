import type { Config } from '@backstage/config';
import { InputError, NotAllowedError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import type { ScmCredentialsService } from '@identity-portal/plugin-scm-integrations-node';
import type { Clock } from './clock';

/**
 * The token for one org, and whether it is a GitHub App installation token
 * (`app`) or a token of an account (`token`: a PAT or the user's own).
 */
export type OrgCredentials = { token: string; type: 'app' | 'token' };

/**
 * How long one answer of the broker is used before it is asked again.
 * Upstream hands out App installation tokens with at least 10 minutes left.
 */
export const CREDENTIALS_REUSE_MS = 5 * 60_000;

/** How a source reaches one GitHub host. */
export type GithubHostAccess = {
  /** The GraphQL endpoint, e.g. `https://api.github.com/graphql`. */
  graphqlUrl: string;
  /** Credentials for one org; throws naming the config keys when there are none. */
  credentialsFor(org: string): Promise<OrgCredentials>;
};

/**
 * The GraphQL endpoint for a REST API base URL: `https://api.github.com` →
 * `https://api.github.com/graphql`; GitHub Enterprise
 * `https://ghe.example.com/api/v3` → `https://ghe.example.com/api/graphql`.
 */
export function graphqlUrlFor(apiBaseUrl: string): string {
  const base = apiBaseUrl.replace(/\/+$/, '');
  if (/\/api\/v3$/.test(base))
    return base.replace(/\/api\/v3$/, '/api/graphql');
  return `${base}/graphql`;
}

/**
 * Finds the `integrations.github` entry for `host` (an `InputError` naming
 * `<configPath>.host` when there is none or it has no token and no apps) and
 * asks the SCM credentials broker for per-org credentials: a GitHub App
 * installation token when an app is installed in the org, else the
 * integration's token.
 */
export function createGithubHostAccess(options: {
  rootConfig: Config;
  host: string;
  configPath: string;
  scmCredentials: ScmCredentialsService;
}): GithubHostAccess {
  const { rootConfig, host, configPath } = options;
  const integrations = ScmIntegrations.fromConfig(rootConfig);
  const integration = integrations.github.byHost(host);
  if (!integration) {
    const known = integrations.github.list().map(i => i.config.host);
    throw new InputError(
      `${configPath}.host: there is no integrations.github entry for host '${host}' (configured hosts: ${
        known.length ? known.join(', ') : 'none'
      }); add one with a token or a GitHub App`,
    );
  }
  const { apiBaseUrl, token, apps } = integration.config;
  if (!token && !apps?.length) {
    throw new InputError(
      `${configPath}.host: the integrations.github entry for host '${host}' has neither a token nor apps, so the org sync cannot read its orgs`,
    );
  }
  if (!apiBaseUrl) {
    throw new InputError(
      `${configPath}.host: the integrations.github entry for host '${host}' needs an apiBaseUrl (e.g. https://${host}/api/v3)`,
    );
  }
  return {
    graphqlUrl: graphqlUrlFor(apiBaseUrl),
    async credentialsFor(org) {
      const credentials = await options.scmCredentials.getCredentials({
        url: `https://${host}/${encodeURIComponent(org)}`,
      });
      if (!credentials.token) {
        throw new NotAllowedError(
          `No GitHub credentials for org '${org}' on ${host} (${configPath}.orgs): no GitHub App in integrations.github[host=${host}].apps is installed in it (or allowed by allowedInstallationOwners) and integrations.github[host=${host}].token is not set`,
        );
      }
      const { identity } = credentials;
      const app =
        identity.kind === 'service' && identity.credential === 'github-app';
      return { token: credentials.token, type: app ? 'app' : 'token' };
    },
  };
}

/**
 * The token of one org for every request of a read: `first` until it is
 * {@link CREDENTIALS_REUSE_MS} old, then the broker's next answer (a renewed
 * App installation token), so that the broker is asked (and logs) a few
 * times per read rather than once per request.
 */
export function reusedToken(
  access: GithubHostAccess,
  org: string,
  first: OrgCredentials,
  clock: Clock,
): () => Promise<string> {
  let current = { token: first.token, at: clock.now() };
  return async () => {
    if (clock.now() - current.at >= CREDENTIALS_REUSE_MS) {
      const { token } = await access.credentialsFor(org);
      current = { token, at: clock.now() };
    }
    return current.token;
  };
}
