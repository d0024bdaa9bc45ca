import { mockServices } from '@backstage/backend-test-utils';
import type { CacheService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { demoGroups, group, user } from '../__testUtils__/orgEntities';
import {
  CACHE_TIMEOUT_MS,
  TransitiveOwnershipResolver,
} from './TransitiveOwnershipResolver';

function memoryCache(): CacheService {
  const values = new Map<string, any>();
  const cache: CacheService = {
    get: async key => values.get(key),
    set: async (key, value) => {
      values.set(key, value);
    },
    delete: async key => {
      values.delete(key);
    },
    withOptions: () => cache,
  };
  return cache;
}

function setup(
  entities: Entity[],
  config = { maxDepth: 20, cacheTtlMs: 60_000 },
  cache: CacheService = memoryCache(),
) {
  const catalog = catalogServiceMock({ entities });
  const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
  const logger = mockServices.logger.mock();
  const resolver = new TransitiveOwnershipResolver({
    catalog,
    auth: mockServices.auth(),
    cache,
    logger,
    config,
  });
  return { resolver, getEntitiesByRefs, logger };
}

describe('TransitiveOwnershipResolver', () => {
  it('gives a member of sre the user, sre, platform-team and engineering', async () => {
    const lukasz = user('lnowak', ['sre']);
    const { resolver } = setup([...demoGroups, lukasz]);
    const { ownershipEntityRefs } = await resolver.resolveOwnershipEntityRefs(
      lukasz,
    );
    expect(ownershipEntityRefs).toEqual([
      'user:default/lnowak',
      'group:default/sre',
      'group:default/platform-team',
      'group:default/engineering',
    ]);
  });

  it('merges several direct groups and asks the catalog once per level', async () => {
    const bjorn = user('bakesson', ['sre-oncall', 'support']);
    const { resolver, getEntitiesByRefs } = setup([...demoGroups, bjorn]);
    const { ownershipEntityRefs } = await resolver.resolveOwnershipEntityRefs(
      bjorn,
    );
    expect(new Set(ownershipEntityRefs)).toEqual(
      new Set([
        'user:default/bakesson',
        'group:default/sre-oncall',
        'group:default/support',
        'group:default/sre',
        'group:default/platform-team',
        'group:default/engineering',
      ]),
    );
    // sre-oncall+support, sre, platform-team, engineering (which has no parent)
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(4);
  });

  it('tolerates a parent cycle', async () => {
    const a = group('a', 'b');
    const b = group('b', 'a');
    const member = user('m', ['a']);
    const { resolver } = setup([a, b, member]);
    const { ownershipEntityRefs } = await resolver.resolveOwnershipEntityRefs(
      member,
    );
    expect(ownershipEntityRefs).toEqual([
      'user:default/m',
      'group:default/a',
      'group:default/b',
    ]);
  });

  it('stops at maxDepth and says so in a warning', async () => {
    const lukasz = user('lnowak', ['sre-oncall']);
    const { resolver, logger } = setup([...demoGroups, lukasz], {
      maxDepth: 2,
      cacheTtlMs: 0,
    });
    const { ownershipEntityRefs } = await resolver.resolveOwnershipEntityRefs(
      lukasz,
    );
    expect(ownershipEntityRefs).toEqual([
      'user:default/lnowak',
      'group:default/sre-oncall',
      'group:default/sre',
      'group:default/platform-team',
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'auth.ownership.transitive.maxDepth=2: 1 group(s) further up are left out (group:default/engineering)',
      ),
    );
  });

  it('keeps a membership of a group missing from the catalog', async () => {
    const member = user('m', ['ghost']);
    const { resolver } = setup([member]);
    await expect(resolver.resolveOwnershipEntityRefs(member)).resolves.toEqual({
      ownershipEntityRefs: ['user:default/m', 'group:default/ghost'],
    });
  });

  it('serves a repeated sign-in from the cache until the user’s own memberships change', async () => {
    const lukasz = user('lnowak', ['sre']);
    const { resolver, getEntitiesByRefs } = setup([...demoGroups, lukasz]);
    await resolver.resolveOwnershipEntityRefs(lukasz);
    const calls = getEntitiesByRefs.mock.calls.length;
    await resolver.resolveOwnershipEntityRefs(lukasz);
    expect(getEntitiesByRefs.mock.calls.length).toBe(calls);

    const moved = user('lnowak', ['support']);
    const { ownershipEntityRefs } = await resolver.resolveOwnershipEntityRefs(
      moved,
    );
    expect(ownershipEntityRefs).toEqual([
      'user:default/lnowak',
      'group:default/support',
    ]);
  });

  it('asks the catalog every time when the cache is off', async () => {
    const lukasz = user('lnowak', ['sre']);
    const { resolver, getEntitiesByRefs } = setup([...demoGroups, lukasz], {
      maxDepth: 20,
      cacheTtlMs: 0,
    });
    await resolver.resolveOwnershipEntityRefs(lukasz);
    const calls = getEntitiesByRefs.mock.calls.length;
    await resolver.resolveOwnershipEntityRefs(lukasz);
    expect(getEntitiesByRefs.mock.calls.length).toBe(2 * calls);
  });

  it('asks the catalog when the cache fails or does not answer (Redis down)', async () => {
    jest.useFakeTimers();
    try {
      const lukasz = user('lnowak', ['sre']);
      const down: CacheService = {
        get: () => new Promise(() => {}),
        set: () => Promise.reject(new Error('The client is offline')),
        delete: () => Promise.reject(new Error('The client is offline')),
        withOptions: () => down,
      };
      const { resolver, logger } = setup(
        [...demoGroups, lukasz],
        { maxDepth: 20, cacheTtlMs: 60_000 },
        down,
      );
      const answer = resolver.resolveOwnershipEntityRefs(lukasz);
      await jest.advanceTimersByTimeAsync(CACHE_TIMEOUT_MS);
      expect((await answer).ownershipEntityRefs).toEqual([
        'user:default/lnowak',
        'group:default/sre',
        'group:default/platform-team',
        'group:default/engineering',
      ]);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('cache read failed'),
      );
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining(
          'cache write failed: Error: The client is offline',
        ),
      );
    } finally {
      jest.useRealTimers();
    }
  });
});
