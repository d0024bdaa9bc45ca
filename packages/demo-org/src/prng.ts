/** A seeded pseudo-random source; never Math.random, so output is reproducible. */
export interface Prng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, bound). */
  int(bound: number): number;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct integers in [0, bound), in draw order. */
  distinct(count: number, bound: number): number[];
}

/** mulberry32: tiny, fast, and good enough for synthetic test data. */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (bound: number) => Math.floor(next() * bound);
  const distinct = (count: number, bound: number) => {
    const wanted = Math.min(count, bound);
    const seen = new Set<number>();
    const picked: number[] = [];
    while (picked.length < wanted) {
      const value = int(bound);
      if (!seen.has(value)) {
        seen.add(value);
        picked.push(value);
      }
    }
    return picked;
  };
  return {
    next,
    int,
    pick: items => items[int(items.length)],
    distinct,
  };
}
