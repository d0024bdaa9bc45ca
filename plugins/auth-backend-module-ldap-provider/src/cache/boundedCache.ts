import type { CacheService } from '@backstage/backend-plugin-api';

/** How long a sign-in waits for one cache operation (throttle counts, the re-check memo). */
export const CACHE_TIMEOUT_MS = 1000;

function bounded<T>(operation: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new Error(`the cache did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  return Promise.race([operation, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The cache with every operation bounded in time. Backstage's Redis store
 * queues commands while Redis is unreachable (unless
 * `backend.cache.connection.disableOfflineQueue` is set) and answers only when
 * Redis is back: without a bound, every sign-in would hang for that long.
 * A timed-out operation rejects, which the callers treat as a cache failure
 * (the throttle fails open with a warning).
 */
export function boundedCache(
  cache: CacheService,
  timeoutMs: number = CACHE_TIMEOUT_MS,
): CacheService {
  return {
    get: key => bounded(cache.get(key), timeoutMs),
    set: (key, value, options) =>
      bounded(cache.set(key, value, options), timeoutMs),
    delete: key => bounded(cache.delete(key), timeoutMs),
    withOptions: options => boundedCache(cache.withOptions(options), timeoutMs),
  };
}
