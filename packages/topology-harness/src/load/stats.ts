/** Latencies of one kind of request, in milliseconds. */
export class LatencyRecorder {
  private readonly samples: number[] = [];
  errors = 0;

  record(ms: number) {
    this.samples.push(ms);
  }

  get count() {
    return this.samples.length;
  }

  /** The `p`-th percentile (nearest rank), 0 when empty. */
  percentile(p: number): number {
    if (this.samples.length === 0) return 0;
    const sorted = [...this.samples].sort((a, b) => a - b);
    const rank = Math.ceil((p / 100) * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1];
  }

  summary(durationS: number) {
    return {
      requests: this.count + this.errors,
      ok: this.count,
      errors: this.errors,
      perSecond: round((this.count + this.errors) / durationS),
      p50Ms: round(this.percentile(50)),
      p99Ms: round(this.percentile(99)),
    };
  }
}

function round(value: number) {
  return Math.round(value * 10) / 10;
}
