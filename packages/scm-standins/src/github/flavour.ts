import { FaultState, PrimaryQuota } from '../common/faults';
import { RequestMeta, StandinRequest, StandinResponse } from '../common/http';
import { StandinFlavour } from '../common/server';
import { githubError, notFound } from './responses';

const LIMIT = 5000;
const WINDOW_MS = 60 * 60 * 1000;
/** GitHub Enterprise Server version the stand-in claims to be. */
export const GHES_VERSION = '3.14.0';

const SECONDARY_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.';

const isApi = (request: StandinRequest) => request.path.startsWith('/api/');
const resourceOf = (request: StandinRequest) =>
  request.path.startsWith('/api/graphql') ? 'graphql' : 'core';

/**
 * GitHub's cross-cutting behaviour: rate-limit headers on every API answer
 * (an hourly window of 5,000 points per resource, GraphQL charged by query
 * cost), the rate-limit fault switches, and GHE's version header.
 */
export class GithubFlavour implements StandinFlavour {
  private windowStart = Date.now();
  private readonly used = { core: 0, graphql: 0 };
  private readonly quotas = new WeakMap<StandinRequest, PrimaryQuota>();

  constructor(private readonly faults: FaultState) {}

  before(request: StandinRequest): StandinResponse | undefined {
    if (!isApi(request)) {
      return undefined;
    }
    const retryAfter = this.faults.countRequest();
    if (retryAfter !== undefined) {
      return githubError(403, SECONDARY_MESSAGE, {
        'retry-after': String(retryAfter),
      });
    }
    const quota = this.faults.takePrimaryQuota(Date.now());
    if (quota) {
      this.quotas.set(request, quota);
      if (quota.exhausted) {
        return githubError(
          403,
          'API rate limit exceeded for user ID 10001. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.',
        );
      }
    }
    return undefined;
  }

  pageFault(status: number, request: StandinRequest): StandinResponse {
    if (request.path.startsWith('/api/graphql')) {
      return {
        status,
        json: {
          data: null,
          errors: [
            {
              message:
                'Something went wrong while executing your query. Please include `0000:0000:0000000:0000000:00000000` when reporting this issue.',
            },
          ],
        },
      };
    }
    return githubError(status, status >= 500 ? 'Server Error' : 'Error');
  }

  notFound(): StandinResponse {
    return notFound();
  }

  decorate(
    request: StandinRequest,
    response: StandinResponse,
    meta: RequestMeta,
  ): void {
    response.headers ??= {};
    response.headers['x-github-request-id'] =
      '0000:0000:0000000:0000000:00000000';
    response.headers['x-github-enterprise-version'] = GHES_VERSION;
    if (!isApi(request)) {
      return;
    }
    const now = Date.now();
    if (now - this.windowStart >= WINDOW_MS) {
      this.windowStart = now;
      this.used.core = 0;
      this.used.graphql = 0;
    }
    const resource = resourceOf(request);
    this.used[resource] += meta.cost ?? 1;
    const quota = this.quotas.get(request);
    const remaining = quota
      ? quota.remaining
      : Math.max(0, LIMIT - this.used[resource]);
    const resetSeconds = Math.ceil(
      (quota ? quota.resetAtMs : this.windowStart + WINDOW_MS) / 1000,
    );
    Object.assign(response.headers, {
      'x-ratelimit-limit': String(LIMIT),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-used': String(LIMIT - remaining),
      'x-ratelimit-reset': String(resetSeconds),
      'x-ratelimit-resource': resource,
    });
  }

  /**
   * The rate-limit status `GET /rate_limit` reports for a resource (epoch
   * seconds in `reset`); the primary rate-limit switch decides `core` while
   * it is set.
   */
  restStatus(request: StandinRequest, resource: 'core' | 'graphql') {
    const quota = resource === 'core' ? this.quotas.get(request) : undefined;
    const remaining = quota
      ? quota.remaining
      : Math.max(0, LIMIT - this.used[resource]);
    return {
      limit: LIMIT,
      used: LIMIT - remaining,
      remaining,
      reset: Math.ceil(
        (quota ? quota.resetAtMs : this.windowStart + WINDOW_MS) / 1000,
      ),
    };
  }

  /** The rate-limit status a GraphQL `rateLimit` field reports. */
  status(resource: 'core' | 'graphql', cost: number) {
    const used = this.used[resource] + cost;
    return {
      limit: LIMIT,
      used,
      remaining: Math.max(0, LIMIT - used),
      resetAt: new Date(this.windowStart + WINDOW_MS).toISOString(),
    };
  }
}
