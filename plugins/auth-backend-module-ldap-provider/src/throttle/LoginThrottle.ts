import { createHash } from 'node:crypto';
import type {
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { LdapAuthThrottleConfig } from '../config/types';

/** Failures of one bucket (a username or a client address). */
interface Bucket {
  failures: number;
  /** When `failures` starts again from 0 (epoch ms). */
  resetAt: number;
  /** Attempts are refused until then (epoch ms). */
  lockedUntil?: number;
  /** Locks so far; each doubles the next lock, up to `maxLockMs`. */
  locks: number;
}

/** The answer of {@link LoginThrottle.check}. */
export type ThrottleDecision =
  | { allowed: true }
  | { allowed: false; retryAfterSeconds: number };

/** Lower-cased, trimmed, NFKC: `Alice`, ` alice ` and `ａｌｉｃｅ` share a bucket. */
export function normaliseUsername(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}

/** `::ffff:10.1.2.3` → `10.1.2.3`; IPv6 addresses by their /64. */
export function normaliseAddress(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (address.includes(':')) {
    const groups = address.split('::')[0].split(':');
    if (!address.includes('::') || groups.length >= 4) {
      return `${groups.slice(0, 4).join(':')}::/64`;
    }
  }
  return address;
}

function hash(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/**
 * Counts failed sign-ins per username and per client address in the
 * `CacheService` (shared by all replicas with Redis/Valkey/Memcache). After
 * `perUsername` (or `perAddress`) failures within `window` the bucket is
 * locked for `window`, doubling with each further lock up to `maxLock`.
 *
 * Counting is read-modify-write (the cache has no atomic increment), so
 * concurrent failures may be under-counted slightly. Cache errors (and, with
 * `boundedCache`, a cache that does not answer in time) fail open with a
 * warning: sign-in keeps working when Redis is down.
 */
export class LoginThrottle {
  constructor(
    private readonly cache: CacheService,
    private readonly config: LdapAuthThrottleConfig,
    private readonly logger: LoggerService,
    private readonly scope: string,
    private readonly now: () => number = Date.now,
  ) {}

  private keys(username: string, address: string | undefined) {
    return [
      {
        key: `ldap-throttle:${this.scope}:u:${hash(
          normaliseUsername(username),
        )}`,
        limit: this.config.perUsername,
      },
      {
        key: `ldap-throttle:${this.scope}:a:${hash(normaliseAddress(address))}`,
        limit: this.config.perAddress,
      },
    ];
  }

  private async read(key: string): Promise<Bucket | undefined> {
    try {
      return (await this.cache.get<Bucket & Record<string, any>>(key)) as
        | Bucket
        | undefined;
    } catch (error) {
      this.logger.warn(`LDAP sign-in throttle: cache read failed: ${error}`);
      return undefined;
    }
  }

  /** Whether an attempt may go to the directory now. */
  async check(
    username: string,
    address: string | undefined,
  ): Promise<ThrottleDecision> {
    const now = this.now();
    let until = 0;
    const buckets = await Promise.all(
      this.keys(username, address).map(({ key }) => this.read(key)),
    );
    for (const bucket of buckets) {
      if (bucket?.lockedUntil && bucket.lockedUntil > now) {
        until = Math.max(until, bucket.lockedUntil);
      }
    }
    return until > now
      ? { allowed: false, retryAfterSeconds: Math.ceil((until - now) / 1000) }
      : { allowed: true };
  }

  /** Counts a failed attempt. */
  async failure(username: string, address: string | undefined) {
    const now = this.now();
    const { windowMs, maxLockMs } = this.config;
    for (const { key, limit } of this.keys(username, address)) {
      const previous = await this.read(key);
      const bucket: Bucket =
        previous && previous.resetAt > now
          ? { ...previous }
          : {
              failures: 0,
              resetAt: now + windowMs,
              locks: previous?.locks ?? 0,
            };
      bucket.failures += 1;
      if (bucket.failures >= limit) {
        const lockMs = Math.min(windowMs * 2 ** bucket.locks, maxLockMs);
        bucket.lockedUntil = now + lockMs;
        bucket.locks += 1;
        bucket.failures = 0;
        bucket.resetAt = bucket.lockedUntil + windowMs;
      }
      // Kept long enough to remember earlier locks (for the doubling).
      const ttl = Math.max(bucket.resetAt - now, 1) + maxLockMs;
      try {
        await this.cache.set(key, bucket as any, { ttl });
      } catch (error) {
        this.logger.warn(`LDAP sign-in throttle: cache write failed: ${error}`);
      }
    }
  }

  /** Forgets the username's failures after a successful sign-in. */
  async success(username: string) {
    const [{ key }] = this.keys(username, undefined);
    try {
      await this.cache.delete(key);
    } catch (error) {
      this.logger.warn(`LDAP sign-in throttle: cache delete failed: ${error}`);
    }
  }
}
