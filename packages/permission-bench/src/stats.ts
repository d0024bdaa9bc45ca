/** Latency figures of one series, in milliseconds. */
export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/**
 * The q-quantile (0 ≤ q ≤ 1) of sorted values, nearest-rank: the smallest
 * value with at least q of the values at or below it.
 */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) {
    return NaN;
  }
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarizeLatencies(
  values: readonly number[],
): LatencySummary | undefined {
  if (values.length === 0) {
    return undefined;
  }
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) {
    sum += v;
  }
  const list = Array.from(sorted);
  return {
    count: sorted.length,
    mean: sum / sorted.length,
    p50: quantile(list, 0.5),
    p90: quantile(list, 0.9),
    p99: quantile(list, 0.99),
    max: sorted[sorted.length - 1],
  };
}

/**
 * `value / reference`, or undefined when either is missing or the reference
 * is not positive (a ratio against nothing means nothing).
 */
export function ratio(
  value: number | undefined,
  reference: number | undefined,
): number | undefined {
  if (
    value === undefined ||
    reference === undefined ||
    !Number.isFinite(value) ||
    !(reference > 0)
  ) {
    return undefined;
  }
  return value / reference;
}
