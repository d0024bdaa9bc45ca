import { mockServices } from '@backstage/backend-test-utils';
import type { CacheService } from '@backstage/backend-plugin-api';
import { LoginThrottle } from '../throttle/LoginThrottle';
import { boundedCache } from './boundedCache';

/** A cache like Backstage's Redis store while Redis is down: nothing ever answers. */
function hangingCache(): CacheService {
  const never = () => new Promise<never>(() => {});
  const cache: CacheService = {
    get: never,
    set: never,
    delete: never,
    withOptions: () => cache,
  };
  return cache;
}

describe('boundedCache', () => {
  it('rejects an operation that does not answer in time', async () => {
    const cache = boundedCache(hangingCache(), 20);
    await expect(cache.get('k')).rejects.toThrow(
      'the cache did not answer within 20 ms',
    );
    await expect(cache.set('k', 1)).rejects.toThrow('within 20 ms');
    await expect(cache.delete('k')).rejects.toThrow('within 20 ms');
    await expect(cache.withOptions({}).get('k')).rejects.toThrow(
      'within 20 ms',
    );
  });

  it('passes answers and errors through', async () => {
    const values = new Map<string, any>();
    const inner: CacheService = {
      get: async key => values.get(key),
      set: async (key, value) => {
        values.set(key, value);
      },
      delete: async () => {
        throw new Error('down');
      },
      withOptions: () => inner,
    };
    const cache = boundedCache(inner, 1000);
    await cache.set('k', { a: 1 });
    expect(await cache.get('k')).toEqual({ a: 1 });
    await expect(cache.delete('k')).rejects.toThrow('down');
  });

  it('lets the throttle fail open instead of hanging when the cache hangs', async () => {
    const logger = mockServices.logger.mock();
    const throttle = new LoginThrottle(
      boundedCache(hangingCache(), 20),
      { perUsername: 1, perAddress: 1, windowMs: 60_000, maxLockMs: 60_000 },
      logger,
      'ldap:test',
    );
    await throttle.failure('alice', '10.0.0.1');
    expect(await throttle.check('alice', '10.0.0.1')).toEqual({
      allowed: true,
    });
    await throttle.success('alice');
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('the cache did not answer within 20 ms'),
    );
  });
});
