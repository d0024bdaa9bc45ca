import type { Config } from '@backstage/config';
import type { ScmSignInProviderId } from '@identity-portal/plugin-scm-integrations-common';

/** An SCM host a sign-in provider gets user tokens for. */
export interface UserTokenSource {
  provider: ScmSignInProviderId;
  integrationType: 'github' | 'gitlab';
  /** Lower-case `host[:port]`. */
  host: string;
}

const PROVIDERS: {
  provider: ScmSignInProviderId;
  /** The key of the provider's config that names its host. */
  hostKey: string;
  defaultHost: string;
}[] = [
  {
    provider: 'github',
    hostKey: 'enterpriseInstanceUrl',
    defaultHost: 'github.com',
  },
  { provider: 'gitlab', hostKey: 'audience', defaultHost: 'gitlab.com' },
];

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * Which SCM host each configured GitHub / GitLab sign-in provider
 * (`auth.providers.github.<env>.enterpriseInstanceUrl`, default github.com;
 * `auth.providers.gitlab.<env>.audience`, default gitlab.com) issues tokens
 * for. Pure. The auth plugin validates these keys; an unreadable URL is
 * skipped here.
 */
export function readUserTokenSources(config: Config): UserTokenSource[] {
  const sources: UserTokenSource[] = [];
  for (const { provider, hostKey, defaultHost } of PROVIDERS) {
    const environments = config.getOptionalConfig(`auth.providers.${provider}`);
    for (const env of environments?.keys() ?? []) {
      const url = environments!
        .getOptionalConfig(env)
        ?.getOptionalString(hostKey);
      const host = url === undefined ? defaultHost : hostOf(url);
      if (
        host &&
        !sources.some(s => s.provider === provider && s.host === host)
      ) {
        sources.push({ provider, integrationType: provider, host });
      }
    }
  }
  return sources;
}
