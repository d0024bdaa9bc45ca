import { FaultSettings, FaultSwitches } from '../types';

const DEFAULT_FAIL_PAGE_STATUS = 502;
const DEFAULT_PRIMARY_RESET_SECONDS = 1;

/** What the primary rate-limit switch says about one request. */
export interface PrimaryQuota {
  remaining: number;
  /** Epoch milliseconds at which the quota is full again. */
  resetAtMs: number;
  exhausted: boolean;
}

/**
 * The fault switches of one stand-in plus the counters they need. Counters
 * restart whenever the switches are set or cleared, so `nth` always counts
 * from the moment a test armed the fault.
 */
export class FaultState implements FaultSwitches {
  private settings: FaultSettings = {};
  private requestCount = 0;
  private pageCount = 0;
  private primaryRemaining: number | undefined;
  private primaryExhaustedUntil: number | undefined;

  set(settings: FaultSettings): void {
    validate(settings);
    this.settings = {
      ...settings,
      ...(settings.revokedTokens && {
        revokedTokens: [...settings.revokedTokens],
      }),
    };
    this.requestCount = 0;
    this.pageCount = 0;
    this.primaryRemaining = settings.primaryRateLimitRemaining;
    this.primaryExhaustedUntil = undefined;
  }

  clear(): void {
    this.set({});
  }

  current(): FaultSettings {
    return { ...this.settings };
  }

  get slowMs(): number {
    return this.settings.slowMs ?? 0;
  }

  get resourceLimitAbove(): number | undefined {
    return this.settings.resourceLimitAbove;
  }

  get timeoutAbove(): number | undefined {
    return this.settings.timeoutAbove;
  }

  get failGroup(): string | undefined {
    return this.settings.failGroup;
  }

  /** Whether the revokedTokens switch names this token. */
  isRevoked(token: string): boolean {
    return this.settings.revokedTokens?.includes(token) ?? false;
  }

  /**
   * Counts a request; returns the retry-after seconds when this request is
   * the one the secondary rate-limit switch refuses.
   */
  countRequest(): number | undefined {
    this.requestCount += 1;
    const secondary = this.settings.secondaryRateLimit;
    if (secondary && secondary.nth === this.requestCount) {
      return secondary.retryAfterSeconds;
    }
    return undefined;
  }

  /**
   * Counts the paginated reads a request served; returns the status to answer
   * with instead when one of them is the page the failPage switch names.
   */
  countPages(pages: number): number | undefined {
    if (pages <= 0) {
      return undefined;
    }
    const before = this.pageCount;
    this.pageCount += pages;
    const failPage = this.settings.failPage;
    if (failPage && before < failPage.nth && failPage.nth <= this.pageCount) {
      return failPage.status ?? DEFAULT_FAIL_PAGE_STATUS;
    }
    return undefined;
  }

  /** Uses one request of the primary quota, when that switch is set. */
  takePrimaryQuota(nowMs: number): PrimaryQuota | undefined {
    if (this.primaryRemaining === undefined) {
      return undefined;
    }
    const resetMs =
      (this.settings.primaryRateLimitResetSeconds ??
        DEFAULT_PRIMARY_RESET_SECONDS) * 1000;
    if (
      this.primaryExhaustedUntil !== undefined &&
      nowMs >= this.primaryExhaustedUntil
    ) {
      // The window has reset: the quota is full again and the switch is off.
      this.primaryRemaining = undefined;
      this.primaryExhaustedUntil = undefined;
      const {
        primaryRateLimitRemaining,
        primaryRateLimitResetSeconds,
        ...rest
      } = this.settings;
      this.settings = rest;
      return undefined;
    }
    if (this.primaryRemaining === 0) {
      this.primaryExhaustedUntil ??= nowMs + resetMs;
      return {
        remaining: 0,
        resetAtMs: this.primaryExhaustedUntil,
        exhausted: true,
      };
    }
    this.primaryRemaining -= 1;
    if (this.primaryRemaining === 0) {
      this.primaryExhaustedUntil = nowMs + resetMs;
    }
    return {
      remaining: this.primaryRemaining,
      resetAtMs: this.primaryExhaustedUntil ?? nowMs + resetMs,
      exhausted: false,
    };
  }
}

function validate(settings: FaultSettings): void {
  const positive = (name: string, value: number | undefined) => {
    if (value !== undefined && !(Number.isInteger(value) && value >= 1)) {
      throw new RangeError(`${name} must be a positive integer, got ${value}`);
    }
  };
  const nonNegative = (name: string, value: number | undefined) => {
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
      throw new RangeError(`${name} must be a number >= 0, got ${value}`);
    }
  };
  positive('failPage.nth', settings.failPage?.nth);
  positive('secondaryRateLimit.nth', settings.secondaryRateLimit?.nth);
  nonNegative(
    'secondaryRateLimit.retryAfterSeconds',
    settings.secondaryRateLimit?.retryAfterSeconds,
  );
  nonNegative('slowMs', settings.slowMs);
  positive('resourceLimitAbove', settings.resourceLimitAbove);
  positive('timeoutAbove', settings.timeoutAbove);
  nonNegative('primaryRateLimitRemaining', settings.primaryRateLimitRemaining);
  nonNegative(
    'primaryRateLimitResetSeconds',
    settings.primaryRateLimitResetSeconds,
  );
}
