/**
 * GitLab.com and self-managed GitLab sign-in for the Backstage auth backend.
 *
 * @packageDocumentation
 */

export { authModuleGitlabProvider as default } from './module';
export { authModuleGitlabProvider } from './module';
export { createGitlabProviderFactory, gitlabProvider } from './factory';
export type { GitlabProviderDeps } from './factory';
export {
  readGitlabAuthConfig,
  type GitlabAuthConfig,
} from './config/readGitlabAuthConfig';
export { DEFAULT_SCM_RESOLVERS as DEFAULT_GITLAB_RESOLVERS } from '@identity-portal/plugin-auth-scm-sign-in-node';
export {
  confirmedEmails,
  createGitlabSignInResolverFactories,
  gitlabProviderInfo,
} from './resolvers/gitlabSignInResolvers';
export type {
  GitlabResolverDeps,
  GitlabSignInResult,
} from './resolvers/gitlabSignInResolvers';
