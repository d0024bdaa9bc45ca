import { FaultState, PrimaryQuota } from '../common/faults';
import { StandinRequest, StandinResponse } from '../common/http';
import { StandinFlavour } from '../common/server';

const LIMIT = 2000;
const WINDOW_MS = 60 * 1000;

const isApi = (request: StandinRequest) => request.path.startsWith('/api/');

const STATUS_TEXT: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** GitLab's message body for an HTTP status, e.g. `{ message: '404 Not Found' }`. */
export function gitlabStatusMessage(status: number, text?: string) {
  return {
    status,
    json: { message: `${status} ${text ?? STATUS_TEXT[status] ?? 'Error'}` },
  };
}

function retryLater(retryAfterSeconds: number): StandinResponse {
  return {
    status: 429,
    headers: { 'retry-after': String(retryAfterSeconds) },
    text: 'Retry later\n',
  };
}

/**
 * GitLab's cross-cutting behaviour: `RateLimit-*` headers on API answers
 * (a per-minute window), 429 `Retry-After` for the rate-limit switches.
 */
export class GitlabFlavour implements StandinFlavour {
  private windowStart = Date.now();
  private used = 0;
  private readonly quotas = new WeakMap<StandinRequest, PrimaryQuota>();

  constructor(private readonly faults: FaultState) {}

  before(request: StandinRequest): StandinResponse | undefined {
    if (!isApi(request)) {
      return undefined;
    }
    const retryAfter = this.faults.countRequest();
    if (retryAfter !== undefined) {
      return retryLater(retryAfter);
    }
    const quota = this.faults.takePrimaryQuota(Date.now());
    if (quota) {
      this.quotas.set(request, quota);
      if (quota.exhausted) {
        return retryLater(
          Math.max(1, Math.ceil((quota.resetAtMs - Date.now()) / 1000)),
        );
      }
    }
    return undefined;
  }

  pageFault(status: number): StandinResponse {
    return gitlabStatusMessage(status);
  }

  notFound(): StandinResponse {
    return gitlabStatusMessage(404, 'Not Found');
  }

  decorate(request: StandinRequest, response: StandinResponse): void {
    if (!isApi(request)) {
      return;
    }
    const now = Date.now();
    if (now - this.windowStart >= WINDOW_MS) {
      this.windowStart = now;
      this.used = 0;
    }
    this.used += 1;
    const quota = this.quotas.get(request);
    const remaining = quota ? quota.remaining : Math.max(0, LIMIT - this.used);
    const resetMs = quota ? quota.resetAtMs : this.windowStart + WINDOW_MS;
    response.headers ??= {};
    Object.assign(response.headers, {
      'ratelimit-limit': String(LIMIT),
      'ratelimit-observed': String(LIMIT - remaining),
      'ratelimit-remaining': String(remaining),
      'ratelimit-reset': String(Math.ceil(resetMs / 1000)),
      'ratelimit-resettime': new Date(resetMs).toUTCString(),
    });
  }
}
