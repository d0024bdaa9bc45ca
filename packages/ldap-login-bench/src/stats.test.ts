import { quantile, summarise } from './stats';

describe('stats', () => {
  it('takes nearest-rank quantiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(sorted, 0.5)).toBe(50);
    expect(quantile(sorted, 0.99)).toBe(99);
    expect(quantile([7], 0.99)).toBe(7);
  });

  it('summarises unsorted samples', () => {
    expect(summarise([3, 1, 2])).toMatchObject({
      count: 3,
      p50: 2,
      max: 3,
      mean: 2,
    });
  });
});
