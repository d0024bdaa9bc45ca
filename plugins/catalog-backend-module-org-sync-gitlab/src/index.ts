/**
 * GitLab source for the org sync engine: a group, its subgroups and their
 * members (direct or inherited), on gitlab.com or self-managed GitLab, read
 * through the REST v4 API and handed to
 * `@identity-portal/plugin-catalog-backend-module-org-sync`.
 *
 * @packageDocumentation
 */

export { catalogModuleOrgSyncGitlab as default } from './module';
export { catalogModuleOrgSyncGitlab } from './module';
export { createGitlabOrgSourceFactory } from './createGitlabOrgSourceFactory';
export type { GitlabOrgSourceFactoryOptions } from './createGitlabOrgSourceFactory';
export { readGitlabSourceConfig } from './config/readGitlabSourceConfig';
export type { GitlabMembership, GitlabSourceConfig } from './config/types';
export type { RetryTiming } from './client/retryDelay';
