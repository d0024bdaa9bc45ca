import { max, median, min, ratio } from './stats';

describe('median', () => {
  it('is undefined for no values', () => {
    expect(median([])).toBeUndefined();
  });

  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([5])).toBe(5);
  });

  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('min and max', () => {
  it('are undefined for no values', () => {
    expect(min([])).toBeUndefined();
    expect(max([])).toBeUndefined();
  });

  it('find the extremes', () => {
    expect(min([2, 0.5, 3])).toBe(0.5);
    expect(max([2, 0.5, 3])).toBe(3);
  });
});

describe('ratio', () => {
  it('divides by the reference', () => {
    expect(ratio(1.5, 3)).toBe(0.5);
  });

  it('is undefined when a side is missing or the reference is not positive', () => {
    expect(ratio(undefined, 3)).toBeUndefined();
    expect(ratio(1, undefined)).toBeUndefined();
    expect(ratio(1, 0)).toBeUndefined();
    expect(ratio(1, -1)).toBeUndefined();
  });
});
