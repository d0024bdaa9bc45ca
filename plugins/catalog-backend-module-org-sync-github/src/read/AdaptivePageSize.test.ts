import { AdaptivePageSize } from './AdaptivePageSize';

describe('AdaptivePageSize', () => {
  it('halves down to 1 and says when it cannot shrink any more', () => {
    const size = new AdaptivePageSize(5);
    expect([size.shrink(), size.current]).toEqual([true, 2]);
    expect([size.shrink(), size.current]).toEqual([true, 1]);
    expect([size.shrink(), size.current]).toEqual([false, 1]);
  });

  it('grows back to the configured size after successes in a row', () => {
    const size = new AdaptivePageSize(100, 2);
    size.shrink();
    size.shrink();
    expect(size.current).toBe(25);
    size.succeeded();
    expect(size.current).toBe(25);
    size.succeeded();
    expect(size.current).toBe(50);
    size.succeeded();
    size.shrink();
    size.succeeded();
    expect(size.current).toBe(25);
    for (let i = 0; i < 10; i += 1) size.succeeded();
    expect(size.current).toBe(100);
  });
});
