/** Median of the values (mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) {
    return undefined;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Smallest value, or undefined when there is none. */
export function min(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : Math.min(...values);
}

/** Largest value, or undefined when there is none. */
export function max(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : Math.max(...values);
}

/**
 * `value / reference`, or undefined when either is missing or the reference
 * is not positive (a ratio against nothing means nothing).
 */
export function ratio(
  value: number | undefined,
  reference: number | undefined,
): number | undefined {
  if (value === undefined || reference === undefined || !(reference > 0)) {
    return undefined;
  }
  return value / reference;
}
