import { githubAuthenticator } from '@backstage/plugin-auth-backend-module-github-provider';
import {
  createScmProviderFactory,
  ScmProvider,
  ScmProviderDeps,
} from '@identity-portal/plugin-auth-scm-sign-in-node';
import type { GithubProfile } from '@backstage/plugin-auth-backend-module-github-provider';
import {
  GithubAuthConfig,
  readGithubAuthConfig,
} from './config/readGithubAuthConfig';
import {
  createGithubSignInResolverFactories,
  githubProviderInfo,
} from './resolvers/githubSignInResolvers';

/** Scopes asked for besides upstream's `read:user`: `user:email` lists the verified emails. */
export const GITHUB_REQUIRED_SCOPES = ['user:email'];

/** The services the provider uses, from the module's `init`. */
export type GithubProviderDeps = ScmProviderDeps;

/**
 * The GitHub provider: upstream's GitHub authenticator, `user:email`, the
 * config of `auth.providers.github.<env>` and the GitHub resolvers.
 */
export const githubProvider: ScmProvider<GithubProfile, GithubAuthConfig> = {
  info: githubProviderInfo,
  authenticator: githubAuthenticator,
  additionalScopes: GITHUB_REQUIRED_SCOPES,
  readConfig: readGithubAuthConfig,
  resolverFactories: (settings, deps) =>
    createGithubSignInResolverFactories({
      catalog: deps.catalog,
      auth: deps.auth,
      apiBaseUrl: settings.apiBaseUrl,
    }),
};

/**
 * The factory registered as provider `github`: for each key of
 * `auth.providers.github`, upstream's OAuth route handlers around upstream's
 * GitHub authenticator, with our resolver chain.
 */
export function createGithubProviderFactory(deps: GithubProviderDeps) {
  return createScmProviderFactory(deps, githubProvider);
}
