import type { Config } from '@backstage/config';
import {
  httpUrlSchema,
  readScmAuthConfig,
  ResolverSetting,
} from '@identity-portal/plugin-auth-scm-sign-in-node';

/** One validated environment of `auth.providers.gitlab`. */
export interface GitlabAuthConfig {
  /** The GitLab base URL, `https://gitlab.com` by default. */
  audience: string;
  /** The annotation holding the numeric user id: `<hostname of audience>/user-id`. */
  userIdAnnotation: string;
  /** The resolver chain, the default chain when `signIn` is absent. */
  resolvers: ResolverSetting[];
}

/**
 * Reads and validates one environment of the GitLab provider,
 * `auth.providers.gitlab.<env>` (`configPath`). Pure. Throws an `InputError`
 * listing every problem, each naming the full key (secrets never quoted).
 */
export function readGitlabAuthConfig(
  config: Config,
  configPath: string,
): GitlabAuthConfig {
  const { audience: configured, resolvers } = readScmAuthConfig(
    config,
    configPath,
    'GitLab',
    { audience: httpUrlSchema.optional() },
  );
  const audience = (configured ?? 'https://gitlab.com').replace(/\/+$/, '');
  return {
    audience,
    userIdAnnotation: `${new URL(audience).hostname}/user-id`,
    resolvers,
  };
}
