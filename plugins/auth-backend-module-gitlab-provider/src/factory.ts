import {
  GitlabProfile,
  gitlabAuthenticator,
} from '@backstage/plugin-auth-backend-module-gitlab-provider';
import {
  createScmProviderFactory,
  ScmProvider,
  ScmProviderDeps,
} from '@identity-portal/plugin-auth-scm-sign-in-node';
import {
  GitlabAuthConfig,
  readGitlabAuthConfig,
} from './config/readGitlabAuthConfig';
import {
  createGitlabSignInResolverFactories,
  gitlabProviderInfo,
} from './resolvers/gitlabSignInResolvers';

/** The services the provider uses, from the module's `init`. */
export type GitlabProviderDeps = ScmProviderDeps;

/**
 * The GitLab provider: upstream's GitLab authenticator (scope `read_user`),
 * the config of `auth.providers.gitlab.<env>` and the GitLab resolvers.
 */
export const gitlabProvider: ScmProvider<GitlabProfile, GitlabAuthConfig> = {
  info: gitlabProviderInfo,
  authenticator: gitlabAuthenticator,
  readConfig: readGitlabAuthConfig,
  resolverFactories: (settings, deps) =>
    createGitlabSignInResolverFactories({
      catalog: deps.catalog,
      auth: deps.auth,
      userIdAnnotation: settings.userIdAnnotation,
    }),
};

/**
 * The factory registered as provider `gitlab`: for each key of
 * `auth.providers.gitlab`, upstream's OAuth route handlers around upstream's
 * GitLab authenticator, with our resolver chain.
 */
export function createGitlabProviderFactory(deps: GitlabProviderDeps) {
  return createScmProviderFactory(deps, gitlabProvider);
}
