/** Where a user's catalog email comes from, in order of preference. */
export type GithubEmailSource = 'verifiedDomain' | 'public';

/** How groups of several orgs are named. */
export type GithubTeamNaming = 'slug' | 'org-slug';

/**
 * One GitHub source block,
 * `catalog.providers.orgSync.<providerId>.sources.github.<sourceId>`, validated
 * and with every default applied.
 *
 * @public
 */
export type GithubSourceConfig = {
  /** The GitHub host, matching one `integrations.github[].host`. */
  host: string;
  /** Org logins, in config order (the first org wins when they disagree). */
  orgs: string[];
  teams: {
    /** Slug patterns (`*` wildcard, case-insensitive); `all` reads every team. */
    include: 'all' | string[];
    /** Slug patterns left out even when included. */
    exclude: string[];
    /** Group naming: `slug`, or `org-slug` (`<org>-<slug>`). */
    naming: GithubTeamNaming;
  };
  users: {
    /** Leave out suspended users (GitHub Enterprise Server). */
    excludeSuspended: boolean;
  };
  /** Email sources in order of preference; empty: no email. */
  emails: GithubEmailSource[];
  /** Initial (and largest) page sizes; shrunk on timeouts and resource limits. */
  pageSizes: { members: number; teams: number; teamMembers: number };
  /** Teams whose further member pages are fetched in one request. */
  teamMemberBatch: number;
  /** Requests in flight at once, for all orgs of this source. */
  maxConcurrency: number;
  /** Requests started per second, for all orgs of this source. */
  maxRequestsPerSecond: number;
  retry: {
    /** Attempts per request for server errors, timeouts and resource limits. */
    attempts: number;
    /** Longest rate-limit wait (seconds) before the request is given up. */
    maxWaitSeconds: number;
  };
  /** Per-request timeout in milliseconds. */
  requestTimeoutMs: number;
};
