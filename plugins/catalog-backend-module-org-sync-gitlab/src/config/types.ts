/**
 * Which memberships make a user a member of a group.
 *
 * - `direct`: the groups the user was added to.
 * - `inherited`: also every group of the tree below one the user was added
 *   to (GitLab grants access to descendants), as `/groups/:id/members/all`
 *   reports it (which also counts members of groups the group was shared with).
 *
 * @public
 */
export type GitlabMembership = 'direct' | 'inherited';

/**
 * One GitLab source, as read from
 * `catalog.providers.orgSync.<providerId>.sources.gitlab.<sourceId>`.
 *
 * @public
 */
export interface GitlabSourceConfig {
  /** The GitLab host, matching an `integrations.gitlab[].host` entry. */
  host: string;
  /** Full path of the root group, for example `example-corp` or `acme/platform`. */
  group: string;
  membership: GitlabMembership;
  includeSubgroups: boolean;
  users: {
    /** Leave out users whose state is not `active` (blocked, banned, deactivated, ...). */
    excludeBlocked: boolean;
    /** Leave out bot users (project, group and service account bots). */
    excludeBots: boolean;
  };
  groups: {
    /** The catalog `spec.type` of every group. */
    type: string;
    /**
     * `path`: names from the path below the root group (`platform-sre`);
     * `leaf`: each group's own path segment (`sre`), to merge by name with
     * the same teams from other sources.
     */
    naming: 'path' | 'leaf';
    /**
     * Glob patterns on the group path relative to the root group; a match
     * leaves out that group and everything below it.
     */
    exclude: string[];
  };
  /** Items per page, 1 to 100. */
  pageSize: number;
  /** Member lists read at the same time. */
  concurrency: number;
  /** Retries of one request after 429 or 5xx (or a network error). */
  maxRetries: number;
}
