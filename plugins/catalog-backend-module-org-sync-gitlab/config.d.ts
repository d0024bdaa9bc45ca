export interface Config {
  catalog?: {
    providers?: {
      orgSync?: {
        [providerId: string]: {
          sources?: {
            /**
             * GitLab sources of this org sync provider, by source id. Each one
             * reads one group, its subgroups and their members. The API URL
             * and the token come from the `integrations.gitlab` entry of
             * `host`.
             */
            gitlab?: {
              [sourceId: string]: {
                /**
                 * The GitLab host, exactly as an `integrations.gitlab[].host`
                 * (for example `gitlab.com` or `gitlab.example.com:8443`). Its
                 * token needs the `read_api` scope.
                 */
                host: string;
                /**
                 * Full path of the root group (for example `acme` or
                 * `acme/engineering`). Required: the source never reads the
                 * whole instance. The root group itself becomes a Group too.
                 */
                group: string;
                /**
                 * `direct` (default): a user is a member of the groups they
                 * were added to. `inherited`: also of every group below them,
                 * as `/groups/:id/members/all` reports (including members of
                 * groups the group was shared with).
                 */
                membership?: 'direct' | 'inherited';
                /** Read the subgroups at every depth (default true). */
                includeSubgroups?: boolean;
                users?: {
                  /** Leave out users who are not `active` (blocked, banned, deactivated); default true. */
                  excludeBlocked?: boolean;
                  /** Leave out bot users (project, group and service-account bots); default true. */
                  excludeBots?: boolean;
                };
                groups?: {
                  /** The catalog `spec.type` of every group (default `team`). */
                  type?: string;
                  /**
                   * `path` (default): names from the path below the root group,
                   * `/` as `-` (`platform-sre`). `leaf`: each group's own path
                   * segment (`sre`), so that, with the engine's
                   * `merge.groups: [name]`, a GitLab group and the directory's
                   * team of the same name become one Group. Clashes get `-<id>`.
                   */
                  naming?: 'path' | 'leaf';
                  /**
                   * Group paths relative to the root group to leave out, with
                   * their subgroups; `*` matches one path segment, `**` any
                   * number (for example `sandbox`, `*\/archive`).
                   */
                  exclude?: string[];
                };
                /** Items per page, 1 to 100 (default 100, GitLab's largest). */
                pageSize?: number;
                /** Member lists read at the same time, 1 to 32 (default 8). */
                concurrency?: number;
                /**
                 * Retries of one request after 429, 5xx or a network error,
                 * 0 to 20 (default 5). Waits follow `Retry-After` or the
                 * rate-limit reset; otherwise exponential backoff with jitter.
                 */
                maxRetries?: number;
              };
            };
          };
        };
      };
    };
  };
}
