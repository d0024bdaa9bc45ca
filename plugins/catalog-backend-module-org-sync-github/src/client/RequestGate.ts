import type { Clock } from './clock';

/**
 * Admits requests to one GitHub host: at most `maxConcurrency` in flight, at
 * most `maxRequestsPerSecond` started, and none while a rate limit says to
 * wait (`pauseUntil`). Shared by every org and connection of one source.
 */
export class RequestGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private nextStartAt = 0;
  private pausedUntil = 0;
  private readonly spacingMs: number;

  constructor(
    private readonly options: {
      maxConcurrency: number;
      maxRequestsPerSecond: number;
      clock: Clock;
    },
  ) {
    this.spacingMs = 1000 / options.maxRequestsPerSecond;
  }

  /** Holds every request until `epochMs` (rate limit reset, retry-after). */
  pauseUntil(epochMs: number) {
    this.pausedUntil = Math.max(this.pausedUntil, epochMs);
  }

  async run<T>(task: () => Promise<T>, signal: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      await this.waitForStart(signal);
      return await task();
    } finally {
      this.release();
    }
  }

  private async acquire(signal: AbortSignal) {
    if (this.active < this.options.maxConcurrency) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const waiter = {
        admit: () => {
          signal.removeEventListener('abort', waiter.abort);
          resolve();
        },
        abort: () => {
          const index = this.waiting.indexOf(waiter.admit);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(signal.reason);
        },
      };
      const { admit, abort: onAbort } = waiter;
      signal.throwIfAborted();
      this.waiting.push(admit);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }

  private async waitForStart(signal: AbortSignal) {
    for (;;) {
      signal.throwIfAborted();
      const now = this.options.clock.now();
      const wait = Math.max(this.pausedUntil, this.nextStartAt) - now;
      if (wait <= 0) {
        this.nextStartAt = now + this.spacingMs;
        return;
      }
      await this.options.clock.sleep(wait, signal);
    }
  }
}
