export interface Config {
  catalog?: {
    providers?: {
      orgSync?: {
        [providerId: string]: {
          sources?: {
            /**
             * GitHub and GitHub Enterprise sources of this org sync provider,
             * by source id. Each one reads the members and teams of one or
             * more orgs on one host; credentials come from
             * `integrations.github` (a GitHub App installation or a token).
             */
            github?: {
              [sourceId: string]: {
                /**
                 * The GitHub host, without scheme: `github.com` (default) or
                 * a GitHub Enterprise host such as `ghe.example.com`. It must
                 * match the `host` of an `integrations.github` entry that has
                 * a `token` or `apps`.
                 */
                host?: string;
                /**
                 * Organization logins to read (at least one). A person in
                 * several orgs becomes one user; when orgs disagree, the org
                 * listed first wins.
                 */
                orgs: string[];
                /** Which teams become groups, and how they are named. */
                teams?: {
                  /**
                   * `all` (default) or team slug patterns with `*` wildcards,
                   * compared case-insensitively, e.g. `['platform-*', 'sre']`.
                   */
                  include?: 'all' | string[];
                  /** Slug patterns left out even when included. */
                  exclude?: string[];
                  /**
                   * Group names: `slug` (the team slug), `org-slug`
                   * (`<org>-<slug>`), or `auto` (default): `slug` for one org,
                   * `org-slug` for several.
                   */
                  naming?: 'auto' | 'slug' | 'org-slug';
                };
                users?: {
                  /**
                   * Leave suspended users out (default true). Suspension
                   * exists on GitHub Enterprise Server only; on github.com
                   * the setting has no effect.
                   */
                  excludeSuspended?: boolean;
                };
                /**
                 * Where the user's email (profile and merge identifier) comes
                 * from, in order of preference: `verifiedDomain` (an address
                 * on one of the org's verified domains) and `public` (the
                 * public profile email; read with a token only, not with a
                 * GitHub App). Default `[verifiedDomain, public]`; `[]`
                 * leaves emails out.
                 */
                emails?: Array<'verifiedDomain' | 'public'>;
                /**
                 * Largest page sizes (1-100), used from the start and shrunk
                 * (halved) on timeouts, HTTP 502 and RESOURCE_LIMITS_EXCEEDED,
                 * then grown back.
                 */
                pageSizes?: {
                  /** Org members per page (default 100). */
                  members?: number;
                  /** Teams per page (default 50). */
                  teams?: number;
                  /** Members per team page, inline and further (default 100). */
                  teamMembers?: number;
                };
                /**
                 * Teams whose further member pages share one request
                 * (default 10, at most 50).
                 */
                teamMemberBatch?: number;
                /** Requests in flight at once for this source (default 4). */
                maxConcurrency?: number;
                /** Requests started per second for this source (default 15). */
                maxRequestsPerSecond?: number;
                retry?: {
                  /**
                   * Attempts per request on server errors, timeouts and
                   * resource limits (default 6); then the read is partial.
                   */
                  attempts?: number;
                  /**
                   * Longest rate-limit wait GitHub may ask for, in seconds
                   * (default 900); a longer one gives the request up.
                   */
                  maxWaitSeconds?: number;
                };
                /** Timeout of one request in milliseconds (default 30000). */
                requestTimeoutMs?: number;
              };
            };
          };
        };
      };
    };
  };
}
