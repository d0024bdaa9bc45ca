/** How long to wait before retrying a refused or failed request. */
export interface RetryTiming {
  /** First backoff step (ms) when the server gives no wait time. */
  backoffBaseMs: number;
  /** Largest backoff step (ms). */
  backoffMaxMs: number;
  /** Longest wait (ms) the source accepts from `Retry-After` or a rate-limit reset. */
  maxWaitMs: number;
}

export const DEFAULT_RETRY_TIMING: RetryTiming = {
  backoffBaseMs: 500,
  backoffMaxMs: 30_000,
  maxWaitMs: 5 * 60_000,
};

/**
 * The wait the server asked for, in ms: `Retry-After` (seconds or an HTTP
 * date), else, for a rate-limit refusal (`rateLimited`), the reset time
 * (`RateLimit-Reset`, Unix seconds), else undefined. GitLab sends
 * `RateLimit-Reset` on every answer, so it only counts for refusals.
 */
export function serverWaitMs(
  headers: Headers,
  now: number,
  rateLimited: boolean,
): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null && retryAfter.trim() !== '') {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  if (!rateLimited) return undefined;
  const reset =
    headers.get('ratelimit-reset') ?? headers.get('x-ratelimit-reset');
  if (reset !== null && /^\d+$/.test(reset.trim())) {
    return Math.max(0, Number(reset) * 1000 - now);
  }
  return undefined;
}

/**
 * Exponential backoff with jitter for retry `attempt` (0-based): between
 * half and all of `base * 2^attempt`, capped.
 */
export function backoffMs(
  attempt: number,
  timing: RetryTiming,
  random: () => number,
): number {
  const step = Math.min(
    timing.backoffMaxMs,
    timing.backoffBaseMs * 2 ** attempt,
  );
  return Math.round(step / 2 + (random() * step) / 2);
}
