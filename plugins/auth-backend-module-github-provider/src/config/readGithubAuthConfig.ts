import type { Config } from '@backstage/config';
import {
  httpUrlSchema,
  readScmAuthConfig,
  ResolverSetting,
} from '@identity-portal/plugin-auth-scm-sign-in-node';

/** One validated environment of `auth.providers.github`. */
export interface GithubAuthConfig {
  /** `https://api.github.com`, or `<enterpriseInstanceUrl>/api/v3`. */
  apiBaseUrl: string;
  /** The resolver chain, the default chain when `signIn` is absent. */
  resolvers: ResolverSetting[];
}

/**
 * Reads and validates one environment of the GitHub provider,
 * `auth.providers.github.<env>` (`configPath`). Pure. Throws an `InputError`
 * listing every problem, each naming the full key (secrets never quoted).
 */
export function readGithubAuthConfig(
  config: Config,
  configPath: string,
): GithubAuthConfig {
  const { enterpriseInstanceUrl, resolvers } = readScmAuthConfig(
    config,
    configPath,
    'GitHub',
    { enterpriseInstanceUrl: httpUrlSchema.optional() },
  );
  return {
    apiBaseUrl: enterpriseInstanceUrl
      ? `${enterpriseInstanceUrl.replace(/\/+$/, '')}/api/v3`
      : 'https://api.github.com',
    resolvers,
  };
}
