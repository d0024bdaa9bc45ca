import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { orgEntities } from '../__testUtils__/fixtures';
import { OrgGraphLoader } from './OrgGraphLoader';

function fakeCatalog(answer: () => Promise<Entity[]>) {
  const calls = { count: 0 };
  const catalog = {
    async *streamEntities() {
      calls.count += 1;
      yield await answer();
    },
  } as unknown as CatalogService;
  return { catalog, calls };
}

describe('OrgGraphLoader', () => {
  let now = 0;
  const options = (catalog: CatalogService) => ({
    catalog,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    maxStalenessMs: 60_000,
    now: () => now,
  });
  beforeEach(() => {
    now = 1_000_000;
  });

  it('loads once for concurrent callers', async () => {
    let release!: () => void;
    const gate = new Promise<void>(resolve => (release = resolve));
    const { catalog, calls } = fakeCatalog(async () => {
      await gate;
      return orgEntities;
    });
    const loader = new OrgGraphLoader(options(catalog));
    const all = Promise.all([
      loader.usable(),
      loader.usable(),
      loader.refresh(),
    ]);
    release();
    const [a, b, c] = await all;
    expect(calls.count).toBe(1);
    expect(a.graph).toBe(b.graph);
    expect(a.graph).toBe(c);
    expect(loader.status()).toMatchObject({
      users: 5,
      groups: 7,
      stale: false,
    });
  });

  it('keeps deciding with the last good graph while the catalog is down, until it is stale', async () => {
    let down = false;
    const { catalog } = fakeCatalog(async () => {
      if (down) throw new Error('connect ECONNREFUSED 127.0.0.1:7007');
      return orgEntities;
    });
    const loader = new OrgGraphLoader(options(catalog));
    const first = (await loader.usable()).graph;
    down = true;
    await expect(loader.refresh()).rejects.toThrow('ECONNREFUSED');
    now += 59_000;
    expect((await loader.usable()).graph).toBe(first);

    now += 2_000;
    const usable = await loader.usable();
    expect(usable.graph).toBeUndefined();
    expect(usable.reason).toMatch(
      /^the org graph is stale \(loaded .*, older than the 60 s limit\) and the catalog cannot be reached \(Error: connect ECONNREFUSED 127.0.0.1:7007\), so every decision is deny$/,
    );
    expect(loader.status()).toMatchObject({
      stale: true,
      lastError: 'Error: connect ECONNREFUSED 127.0.0.1:7007',
    });

    down = false;
    now += 10_000;
    expect((await loader.usable()).graph).not.toBe(first);
  });

  it('gives a reason and no graph when the first load fails, and waits before retrying', async () => {
    const { catalog, calls } = fakeCatalog(async () => {
      throw new Error('catalog says 503');
    });
    const loader = new OrgGraphLoader(options(catalog));
    expect((await loader.usable()).reason).toBe(
      'the org graph could not be loaded from the catalog (Error: catalog says 503), so every decision is deny',
    );
    await loader.usable();
    expect(calls.count).toBe(1);
    now += 5_001;
    await loader.usable();
    expect(calls.count).toBe(2);
  });

  it('reloads a graph older than 10 s when a user it does not know asks', async () => {
    let entities = orgEntities;
    const { catalog, calls } = fakeCatalog(async () => entities);
    const loader = new OrgGraphLoader(options(catalog));
    await loader.usable();
    entities = [
      ...orgEntities,
      {
        ...orgEntities.find(e => e.metadata.name === 'bob')!,
        metadata: { name: 'newcomer', namespace: 'default' },
      },
    ];
    // Known users and young graphs do not reload.
    await loader.usableFor('user:default/bob');
    await loader.usableFor('user:default/newcomer');
    expect(calls.count).toBe(1);
    now += 10_001;
    const usable = await loader.usableFor('user:default/newcomer');
    expect(calls.count).toBe(2);
    expect(usable.graph?.users.has('user:default/newcomer')).toBe(true);
    // Services never cause a reload.
    now += 10_001;
    await loader.usableFor('service:plugin:search');
    expect(calls.count).toBe(2);
  });
});
