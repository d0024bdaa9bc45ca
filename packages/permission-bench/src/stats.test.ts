import { quantile, ratio, summarizeLatencies } from './stats';

describe('quantile', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(values, 0.5)).toBe(50);
    expect(quantile(values, 0.99)).toBe(99);
    expect(quantile(values, 1)).toBe(100);
    expect(quantile(values, 0)).toBe(1);
    expect(quantile([7], 0.99)).toBe(7);
  });

  it('is NaN for no values', () => {
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('summarizeLatencies', () => {
  it('sorts numerically, not as strings', () => {
    expect(summarizeLatencies([10, 9, 100, 2])).toEqual({
      count: 4,
      mean: 30.25,
      p50: 9,
      p90: 100,
      p99: 100,
      max: 100,
    });
  });

  it('has nothing to say about no values', () => {
    expect(summarizeLatencies([])).toBeUndefined();
  });
});

describe('ratio', () => {
  it('divides, or is undefined without a positive reference', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeUndefined();
    expect(ratio(undefined, 2)).toBeUndefined();
    expect(ratio(3, undefined)).toBeUndefined();
  });
});
