/**
 * A page size that halves when GitHub times out or reports a resource limit
 * and doubles back towards its configured size after `growAfter` pages in a
 * row succeed.
 */
export class AdaptivePageSize {
  private size: number;
  private successes = 0;

  constructor(private readonly max: number, private readonly growAfter = 2) {
    this.size = max;
  }

  get current(): number {
    return this.size;
  }

  /** False when already at 1: nothing left to shrink. */
  shrink(): boolean {
    this.successes = 0;
    if (this.size <= 1) return false;
    this.size = Math.max(1, Math.floor(this.size / 2));
    return true;
  }

  succeeded() {
    if (this.size >= this.max) return;
    this.successes += 1;
    if (this.successes >= this.growAfter) {
      this.successes = 0;
      this.size = Math.min(this.max, this.size * 2);
    }
  }
}
