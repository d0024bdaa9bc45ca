import { ConfigReader } from '@backstage/config';
import { readTransitiveOwnershipConfig } from './readTransitiveOwnershipConfig';

const read = (transitive?: object) =>
  readTransitiveOwnershipConfig(
    new ConfigReader(transitive ? { auth: { ownership: { transitive } } } : {}),
  );

describe('readTransitiveOwnershipConfig', () => {
  it('has defaults', () => {
    expect(read()).toEqual({ maxDepth: 20, cacheTtlMs: 60_000 });
  });

  it('reads both keys', () => {
    expect(read({ maxDepth: 3, cacheTtl: '30s' })).toEqual({
      maxDepth: 3,
      cacheTtlMs: 30_000,
    });
    expect(read({ cacheTtl: { seconds: 0 } }).cacheTtlMs).toBe(0);
  });

  it.each([
    [{ maxDepth: 0 }, 'auth.ownership.transitive.maxDepth'],
    [{ maxDepth: 2.5 }, 'auth.ownership.transitive.maxDepth'],
    [{ maxDepth: 'deep' }, 'auth.ownership.transitive.maxDepth'],
    [{ cacheTtl: 'soon' }, 'auth.ownership.transitive.cacheTtl'],
    [{ maxdepth: 3 }, 'auth.ownership.transitive.maxdepth'],
  ])('names the key of an invalid value: %j', (block, key) => {
    expect(() => read(block)).toThrow(key);
  });
});
