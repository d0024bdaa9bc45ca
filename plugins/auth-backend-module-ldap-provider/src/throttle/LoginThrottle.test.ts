import { mockServices } from '@backstage/backend-test-utils';
import type { CacheService } from '@backstage/backend-plugin-api';
import {
  LoginThrottle,
  normaliseAddress,
  normaliseUsername,
} from './LoginThrottle';

function memoryCache(now: () => number): CacheService {
  const store = new Map<string, { value: any; until: number }>();
  const cache: CacheService = {
    async get(key) {
      const hit = store.get(key);
      return hit && hit.until > now() ? hit.value : undefined;
    },
    async set(key, value, options) {
      store.set(key, { value, until: now() + (options?.ttl as number) });
    },
    async delete(key) {
      store.delete(key);
    },
    withOptions: () => cache,
  };
  return cache;
}

describe('LoginThrottle', () => {
  let now = 1_000_000;
  const clock = () => now;
  const config = {
    perUsername: 3,
    perAddress: 5,
    windowMs: 60_000,
    maxLockMs: 240_000,
  };
  const make = (cache = memoryCache(clock)) =>
    new LoginThrottle(
      cache,
      config,
      mockServices.logger.mock(),
      'ldap:test',
      clock,
    );

  beforeEach(() => {
    now = 1_000_000;
  });

  it('locks a username after perUsername failures for the window', async () => {
    const throttle = make();
    for (let i = 0; i < 2; i++) {
      await throttle.failure('alice', '10.0.0.1');
      expect(await throttle.check('alice', '10.0.0.2')).toEqual({
        allowed: true,
      });
    }
    await throttle.failure('Alice ', '10.0.0.1');
    expect(await throttle.check('ALICE', '10.0.0.2')).toEqual({
      allowed: false,
      retryAfterSeconds: 60,
    });
    now += 59_500;
    expect(await throttle.check('alice', '10.0.0.2')).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
    now += 600;
    expect(await throttle.check('alice', '10.0.0.2')).toEqual({
      allowed: true,
    });
  });

  it('doubles the lock each time, up to maxLock', async () => {
    const throttle = make();
    const locks: number[] = [];
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 3; i++)
        await throttle.failure('bob', `10.0.${round}.${i}`);
      const decision = await throttle.check('bob', '192.0.2.1');
      locks.push(decision.allowed ? 0 : decision.retryAfterSeconds);
      now += locks[round] * 1000 + 1;
    }
    expect(locks).toEqual([60, 120, 240, 240]);
  });

  it('locks an address after perAddress failures over several usernames', async () => {
    const throttle = make();
    for (let i = 0; i < 5; i++)
      await throttle.failure(`user${i}`, '::ffff:10.0.0.9');
    expect((await throttle.check('someone-else', '10.0.0.9')).allowed).toBe(
      false,
    );
    expect((await throttle.check('someone-else', '10.0.0.10')).allowed).toBe(
      true,
    );
  });

  it('forgets a username after a success', async () => {
    const throttle = make();
    await throttle.failure('carol', '10.0.0.1');
    await throttle.failure('carol', '10.0.0.1');
    await throttle.success('carol');
    await throttle.failure('carol', '10.0.0.1');
    expect((await throttle.check('carol', '10.0.0.1')).allowed).toBe(true);
  });

  it('restarts counting after the window', async () => {
    const throttle = make();
    await throttle.failure('dave', '10.0.0.1');
    await throttle.failure('dave', '10.0.0.1');
    now += 61_000;
    await throttle.failure('dave', '10.0.0.1');
    expect((await throttle.check('dave', '10.0.0.1')).allowed).toBe(true);
  });

  it('fails open when the cache fails', async () => {
    const broken: CacheService = {
      get: async () => {
        throw new Error('redis down');
      },
      set: async () => {
        throw new Error('redis down');
      },
      delete: async () => {
        throw new Error('redis down');
      },
      withOptions: () => broken,
    };
    const throttle = make(broken);
    await throttle.failure('erin', '10.0.0.1');
    await throttle.success('erin');
    expect(await throttle.check('erin', '10.0.0.1')).toEqual({ allowed: true });
  });

  it('keeps usernames out of cache keys', async () => {
    const cache = memoryCache(clock);
    const set = jest.spyOn(cache, 'set');
    await make(cache).failure('secret-name', '10.0.0.1');
    for (const [key] of set.mock.calls) {
      expect(key).not.toContain('secret-name');
    }
  });
});

describe('normalisation', () => {
  it.each([
    ['Alice', 'alice'],
    ['  alice\t', 'alice'],
    ['ａｌｉｃｅ', 'alice'],
  ])('username %j → %j', (input, expected) => {
    expect(normaliseUsername(input)).toBe(expected);
  });

  it.each([
    ['::ffff:10.1.2.3', '10.1.2.3'],
    ['10.1.2.3', '10.1.2.3'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::7', '2001:db8:1:2::/64'],
    [undefined, 'unknown'],
  ])('address %j → %j', (input, expected) => {
    expect(normaliseAddress(input)).toBe(expected);
  });
});
