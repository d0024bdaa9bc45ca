import type { LoggerService } from '@backstage/backend-plugin-api';
import { CustomErrorBase } from '@backstage/errors';
import type { Clock } from './clock';
import {
  classifyResponse,
  Outcome,
  primaryLimitResetMs,
} from './classifyResponse';
import type { RequestGate } from './RequestGate';

/**
 * A request given up after its retries (`fatal: false`), or refused for good
 * (`fatal: true`: bad credentials, unknown org, invalid query).
 */
export class GithubRequestError extends CustomErrorBase {
  name = 'GithubRequestError' as const;
  constructor(message: string, readonly fatal: boolean) {
    super(message);
  }
}

/** One GraphQL request, re-built on every attempt. */
export type GraphqlRequest = {
  /** What is read, for messages: `members of example-corp, page 3`. */
  describe: string;
  query: string;
  /** Called on every attempt, so that a shrunk page size is used. */
  variables: () => Record<string, unknown>;
  /** Makes the next attempt ask for less; false when it cannot shrink. */
  shrink?: () => boolean;
};

export type RetrySettings = {
  /** Failed attempts (server errors, timeouts, resource limits) allowed. */
  attempts: number;
  /** Longest single rate-limit wait before giving up. */
  maxWaitMs: number;
  /** Rate-limit waits allowed for one request. */
  maxWaits: number;
  /** First backoff step; doubled per failure, with full jitter. */
  baseDelayMs: number;
  /** Largest backoff step. */
  maxDelayMs: number;
};

export type GithubGraphqlClientOptions = {
  url: string;
  /** The token for this org (GitHub App installation token or PAT). */
  getToken: () => Promise<string>;
  gate: RequestGate;
  clock: Clock;
  retry: RetrySettings;
  requestTimeoutMs: number;
  logger: LoggerService;
  fetch?: typeof fetch;
  random?: () => number;
};

/** Counters of one read, for the source report and the benchmark. */
export type ClientStats = {
  requests: number;
  retries: number;
  rateLimitWaits: number;
  shrinks: number;
};

/**
 * GitHub GraphQL over `fetch`, every call throttled (through the shared
 * {@link RequestGate}) and retried: rate limits wait as long as GitHub says
 * (`retry-after`, `x-ratelimit-reset`), server errors and timeouts back off
 * exponentially with jitter for a bounded number of attempts, and timeouts /
 * 502 / resource limits ask the caller to shrink its page first.
 */
export class GithubGraphqlClient {
  readonly stats: ClientStats = {
    requests: 0,
    retries: 0,
    rateLimitWaits: 0,
    shrinks: 0,
  };
  private readonly fetch: typeof fetch;
  private readonly random: () => number;

  constructor(private readonly options: GithubGraphqlClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.random = options.random ?? Math.random;
  }

  async query<T>(request: GraphqlRequest, signal: AbortSignal): Promise<T> {
    const { clock, gate, retry, logger } = this.options;
    let failures = 0;
    let waits = 0;
    let secondaryWaits = 0;
    for (;;) {
      signal.throwIfAborted();
      const waitsSoFar = secondaryWaits;
      const outcome = await gate.run(
        () => this.attempt(request, signal, waitsSoFar),
        signal,
      );
      if (outcome.kind === 'ok') return outcome.data as T;
      if (outcome.kind === 'fatal') {
        throw new GithubRequestError(
          `GitHub refused ${request.describe}: ${outcome.message}`,
          true,
        );
      }
      if (outcome.kind === 'rate-limited') {
        const waitMs = Math.max(0, outcome.untilMs - clock.now());
        waits += 1;
        if (waits > retry.maxWaits || waitMs > retry.maxWaitMs) {
          throw new GithubRequestError(
            `Gave up on ${
              request.describe
            } after ${waits} rate-limit wait(s): GitHub asked to wait ${Math.ceil(
              waitMs / 1000,
            )} s (${outcome.message})`,
            false,
          );
        }
        if (outcome.message.match(/secondary|abuse/i)) secondaryWaits += 1;
        this.stats.rateLimitWaits += 1;
        logger.warn(
          `GitHub rate limit on ${request.describe}; waiting ${Math.ceil(
            waitMs / 1000,
          )} s as GitHub asks (${outcome.message})`,
        );
        gate.pauseUntil(outcome.untilMs);
        continue;
      }
      failures += 1;
      if (failures >= retry.attempts) {
        throw new GithubRequestError(
          `Gave up on ${request.describe} after ${failures} attempts: ${outcome.message}`,
          false,
        );
      }
      this.stats.retries += 1;
      let shrunk = false;
      if (outcome.shrink && request.shrink?.()) {
        shrunk = true;
        this.stats.shrinks += 1;
      }
      const delay =
        this.random() *
        Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (failures - 1));
      logger.warn(
        `GitHub request for ${request.describe} failed (${outcome.message}); ${
          shrunk ? 'asking for a smaller page and ' : ''
        }retrying in ${Math.round(delay)} ms (attempt ${failures + 1} of ${
          retry.attempts
        })`,
      );
      await clock.sleep(delay, signal);
    }
  }

  private async attempt(
    request: GraphqlRequest,
    signal: AbortSignal,
    secondaryWaits: number,
  ): Promise<Outcome> {
    const { clock, gate, requestTimeoutMs } = this.options;
    const token = await this.options.getToken();
    const timeout = AbortSignal.timeout(requestTimeoutMs);
    this.stats.requests += 1;
    let status: number;
    let headers: Headers;
    let body: unknown;
    try {
      const response = await this.fetch(this.options.url, {
        method: 'POST',
        headers: {
          authorization: `bearer ${token}`,
          'content-type': 'application/json',
          accept: 'application/vnd.github+json',
          'user-agent': 'identity-portal-org-sync-github',
        },
        body: JSON.stringify({
          query: request.query,
          variables: request.variables(),
        }),
        signal: AbortSignal.any([signal, timeout]),
      });
      status = response.status;
      headers = response.headers;
      const text = await response.text();
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (timeout.aborted) {
        return {
          kind: 'transient',
          shrink: true,
          message: `no answer within ${requestTimeoutMs} ms`,
        };
      }
      return {
        kind: 'transient',
        shrink: false,
        message: `request failed: ${(error as Error).message}`,
      };
    }
    const resetAt = primaryLimitResetMs(headers);
    if (resetAt !== undefined) gate.pauseUntil(resetAt);
    return classifyResponse({
      status,
      headers,
      body,
      nowMs: clock.now(),
      secondaryWaits,
    });
  }
}
