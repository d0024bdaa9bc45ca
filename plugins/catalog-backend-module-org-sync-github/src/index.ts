/**
 * GitHub source for the org sync engine: reads the members and teams
 * (nested, with maintainers) of one or more GitHub or GitHub Enterprise orgs
 * over throttled, retried, adaptively paged GraphQL and hands them to
 * `@identity-portal/plugin-catalog-backend-module-org-sync`.
 *
 * @packageDocumentation
 */

export { catalogModuleOrgSyncGithub as default } from './module';
export { catalogModuleOrgSyncGithub } from './module';
export { createGithubOrgSourceFactory } from './createGithubOrgSourceFactory';
export type { GithubOrgSourceFactoryOptions } from './createGithubOrgSourceFactory';
export type { GithubRetryTiming } from './GithubOrgSource';
export type { Clock } from './client/clock';
export type { ClientStats } from './client/GithubGraphqlClient';
export { readGithubSourceConfig } from './config/readGithubSourceConfig';
export type {
  GithubEmailSource,
  GithubSourceConfig,
  GithubTeamNaming,
} from './config/types';
export {
  ANNOTATION_GITHUB_TEAM_MAINTAINERS,
  ANNOTATION_GITHUB_TEAM_SLUG,
  ANNOTATION_GITHUB_USER_ID,
  ANNOTATION_GITHUB_USER_LOGIN,
} from './read/buildResult';
