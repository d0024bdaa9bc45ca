import { backoffMs, DEFAULT_RETRY_TIMING, serverWaitMs } from './retryDelay';

describe('serverWaitMs', () => {
  const now = Date.parse('2026-11-26T12:00:00Z');

  it('reads Retry-After in seconds or as an HTTP date', () => {
    expect(serverWaitMs(new Headers({ 'retry-after': '7' }), now, false)).toBe(
      7000,
    );
    expect(
      serverWaitMs(
        new Headers({ 'retry-after': 'Thu, 26 Nov 2026 12:00:30 GMT' }),
        now,
        false,
      ),
    ).toBe(30_000);
  });

  it('falls back to the rate-limit reset time of a rate-limit refusal only', () => {
    const headers = new Headers({ 'ratelimit-reset': String(now / 1000 + 12) });
    expect(serverWaitMs(headers, now, true)).toBe(12_000);
    // A 502 carries GitLab's RateLimit-Reset too: that is no reason to wait.
    expect(serverWaitMs(headers, now, false)).toBeUndefined();
    expect(serverWaitMs(new Headers({}), now, true)).toBeUndefined();
  });
});

describe('backoffMs', () => {
  it('doubles per attempt, with jitter, up to the cap', () => {
    const timing = {
      ...DEFAULT_RETRY_TIMING,
      backoffBaseMs: 100,
      backoffMaxMs: 1000,
    };
    expect(backoffMs(0, timing, () => 0)).toBe(50);
    expect(backoffMs(0, timing, () => 1)).toBe(100);
    expect(backoffMs(2, timing, () => 1)).toBe(400);
    expect(backoffMs(8, timing, () => 1)).toBe(1000);
  });
});
