/**
 * Fault switches shared by both stand-ins. Counters (`nth`) start at 1 and
 * count from the moment the switches were last set or cleared.
 */
export interface FaultSettings {
  /**
   * The Nth paginated read answers with `status` (default 502), once. A
   * paginated read is a REST list page or a GraphQL connection page; a
   * GraphQL request that serves several connection pages fails when one of
   * them is the Nth.
   */
  failPage?: { nth: number; status?: number };
  /** Extra delay in milliseconds on every request. */
  slowMs?: number;
  /**
   * The Nth request (any endpoint) is refused like a secondary rate limit,
   * once: GitHub 403 with `retry-after` and GitHub's message, GitLab 429
   * with `Retry-After`.
   */
  secondaryRateLimit?: { nth: number; retryAfterSeconds: number };
  /**
   * GitHub only: a GraphQL query asking for more than this many nodes in one
   * connection (`first`/`last`) fails with GitHub's RESOURCE_LIMITS_EXCEEDED
   * error (HTTP 200).
   */
  resourceLimitAbove?: number;
  /**
   * GitHub only: a GraphQL query asking for more than this many nodes in one
   * connection answers 502 with GitHub's timeout message, as a heavy query
   * does on GitHub.
   */
  timeoutAbove?: number;
  /** GitLab only: member listings of this group (full path) answer 500. */
  failGroup?: string;
  /**
   * Requests left in the primary rate-limit window. Every request uses one;
   * at 0 requests are refused (GitHub 403, GitLab 429) until the window
   * resets `primaryRateLimitResetSeconds` (default 1) later, then the quota
   * is full again and this switch clears itself.
   */
  primaryRateLimitRemaining?: number;
  primaryRateLimitResetSeconds?: number;
  /**
   * Tokens (PATs, OAuth or installation tokens) treated as revoked: every
   * request with one answers 401 like the real service (GitHub
   * `{"message":"Bad credentials"}`, GitLab `{"message":"401 Unauthorized"}`).
   */
  revokedTokens?: string[];
}

/** The live fault switches of a running stand-in. */
export interface FaultSwitches {
  /** Replaces the current switches (and restarts their counters). */
  set(settings: FaultSettings): void;
  clear(): void;
  current(): FaultSettings;
}

/** One request served by a stand-in. */
export interface LoggedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Query string (without `?`), empty when none. */
  query: string;
  status: number;
  /** GraphQL: the operation name, or the first root field when anonymous. */
  operation?: string;
  /** Paginated reads served by this request (REST page or GraphQL connection pages). */
  pages: number;
}

export interface RequestLog {
  count(): number;
  list(): LoggedRequest[];
  reset(): void;
}

export interface RunningStandin {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:5180`. */
  url: string;
  faults: FaultSwitches;
  requests: RequestLog;
  stop(): Promise<void>;
}

export interface StandinServerOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Delay added to every request, in milliseconds (default 0). */
  latencyMs?: number;
}
