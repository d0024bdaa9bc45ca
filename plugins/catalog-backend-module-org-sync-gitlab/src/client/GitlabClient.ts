import type { LoggerService } from '@backstage/backend-plugin-api';
import { ForwardedError } from '@backstage/errors';
import { errorDetail, GitlabRequestError } from './errors';
import { nextLink } from './linkHeader';
import {
  backoffMs,
  DEFAULT_RETRY_TIMING,
  RetryTiming,
  serverWaitMs,
} from './retryDelay';

/** Waits `ms`, or rejects when `signal` aborts. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export const abortableSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });

/** How the client is built; everything after `logger` is for tests. */
export interface GitlabClientOptions {
  /** `https://gitlab.example.com/api/v4`, no trailing slash. */
  apiBaseUrl: string;
  /** Authentication headers (`getGitLabRequestOptions`). */
  headers: Record<string, string>;
  maxRetries: number;
  logger: LoggerService;
  timing?: Partial<RetryTiming>;
  sleep?: Sleep;
  random?: () => number;
  now?: () => number;
}

/** Counters of one read. */
export interface GitlabClientStats {
  requests: number;
  retries: number;
}

const RETRYABLE = new Set([429, 500, 502, 503, 504]);

/**
 * A small GitLab REST v4 client: GET with bounded retries on 429, 5xx and
 * network errors (honouring `Retry-After` and rate-limit resets, otherwise
 * exponential backoff with jitter), and page walks that follow
 * `Link: rel="next"` (keyset and offset) or `X-Next-Page`.
 */
export class GitlabClient {
  readonly stats: GitlabClientStats = { requests: 0, retries: 0 };
  private readonly timing: RetryTiming;
  private readonly sleep: Sleep;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly base: URL;

  constructor(private readonly options: GitlabClientOptions) {
    this.timing = { ...DEFAULT_RETRY_TIMING, ...options.timing };
    this.sleep = options.sleep ?? abortableSleep;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.base = new URL(`${options.apiBaseUrl.replace(/\/+$/, '')}/`);
  }

  /** The URL of an API path such as `/groups/42/members` with its query. */
  url(path: string, query: Record<string, string | number> = {}): URL {
    const url = new URL(path.replace(/^\//, ''), this.base);
    for (const [key, value] of Object.entries(query)) {
      url.searchParams.set(key, String(value));
    }
    return url;
  }

  /** GETs one JSON document. */
  async get<T>(
    path: string,
    query: Record<string, string | number>,
    signal: AbortSignal,
  ): Promise<T> {
    const response = await this.request(this.url(path, query), path, signal);
    return (await response.json()) as T;
  }

  /**
   * Walks every page of a list, yielding each page's items. The next page is
   * the `Link: rel="next"` target (its query applied to the same path, so a
   * proxy's internal host name in the link never redirects the token), else
   * `X-Next-Page`.
   */
  async *pages<T>(
    path: string,
    query: Record<string, string | number>,
    signal: AbortSignal,
  ): AsyncGenerator<T[]> {
    let url: URL | undefined = this.url(path, query);
    const seen = new Set<string>();
    while (url) {
      if (seen.has(url.search)) {
        throw new GitlabRequestError(
          0,
          path,
          `the next-page link repeats ${url.search}; the walk was stopped`,
        );
      }
      seen.add(url.search);
      const response = await this.request(url, path, signal);
      const items = (await response.json()) as T[];
      if (!Array.isArray(items)) {
        throw new GitlabRequestError(
          response.status,
          path,
          'expected a JSON array',
        );
      }
      yield items;
      url = this.nextPage(url, response.headers);
    }
  }

  private nextPage(current: URL, headers: Headers): URL | undefined {
    const link = nextLink(headers.get('link'));
    if (link) {
      const next = new URL(current);
      next.search = new URL(link, current).search;
      return next;
    }
    const page = headers.get('x-next-page');
    if (page && /^\d+$/.test(page.trim())) {
      const next = new URL(current);
      next.searchParams.set('page', page.trim());
      return next;
    }
    return undefined;
  }

  private async request(
    url: URL,
    path: string,
    signal: AbortSignal,
  ): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      signal.throwIfAborted();
      let response: Response;
      try {
        this.stats.requests++;
        response = await fetch(url, {
          headers: { Accept: 'application/json', ...this.options.headers },
          signal,
        });
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        if (attempt >= this.options.maxRetries) {
          throw new ForwardedError(`GET ${path} failed`, error);
        }
        await this.retryAfter(
          backoffMs(attempt, this.timing, this.random),
          path,
          `network error (${(error as Error).message})`,
          signal,
        );
        continue;
      }
      if (response.ok) return response;
      if (attempt < this.options.maxRetries && this.isRetryable(response)) {
        const asked = serverWaitMs(
          response.headers,
          this.now(),
          response.status === 429 || response.status === 403,
        );
        if (asked !== undefined && asked > this.timing.maxWaitMs) {
          await discard(response);
          throw new GitlabRequestError(
            response.status,
            path,
            `GitLab asks to wait ${Math.ceil(
              asked / 1000,
            )} s, longer than the ${Math.round(
              this.timing.maxWaitMs / 1000,
            )} s this source waits`,
          );
        }
        await discard(response);
        await this.retryAfter(
          asked ?? backoffMs(attempt, this.timing, this.random),
          path,
          String(response.status),
          signal,
        );
        continue;
      }
      throw new GitlabRequestError(
        response.status,
        path,
        await errorDetail(response),
      );
    }
  }

  /** 429 and 5xx, and a 403 that says the rate limit is used up. */
  private isRetryable(response: Response): boolean {
    if (RETRYABLE.has(response.status)) return true;
    const remaining =
      response.headers.get('ratelimit-remaining') ??
      response.headers.get('x-ratelimit-remaining');
    return response.status === 403 && remaining?.trim() === '0';
  }

  private async retryAfter(
    ms: number,
    path: string,
    cause: string,
    signal: AbortSignal,
  ) {
    this.stats.retries++;
    this.options.logger.debug(
      `GET ${path}: ${cause}; retrying in ${Math.round(ms)} ms`,
    );
    await this.sleep(ms, signal);
  }
}

/** Reads and drops a body, so that the connection can be reused. */
async function discard(response: Response): Promise<void> {
  try {
    await response.arrayBuffer();
  } catch {
    // Nothing to reuse.
  }
}
