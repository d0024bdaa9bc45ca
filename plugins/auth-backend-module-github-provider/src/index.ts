/**
 * GitHub and GitHub Enterprise sign-in for the Backstage auth backend.
 *
 * @packageDocumentation
 */

export { authModuleGithubProvider as default } from './module';
export { authModuleGithubProvider } from './module';
export {
  createGithubProviderFactory,
  GITHUB_REQUIRED_SCOPES,
  githubProvider,
} from './factory';
export type { GithubProviderDeps } from './factory';
export {
  readGithubAuthConfig,
  type GithubAuthConfig,
} from './config/readGithubAuthConfig';
export { DEFAULT_SCM_RESOLVERS as DEFAULT_GITHUB_RESOLVERS } from '@identity-portal/plugin-auth-scm-sign-in-node';
export {
  createGithubSignInResolverFactories,
  GITHUB_USER_ID_ANNOTATION,
  githubProviderInfo,
} from './resolvers/githubSignInResolvers';
export type {
  GithubResolverDeps,
  GithubSignInResult,
} from './resolvers/githubSignInResolvers';
