import type { OrgSourceReadResult } from '@identity-portal/plugin-catalog-org-sync-node';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import type { Knex } from 'knex';
import { createFakeSourceModule } from './__testUtils__/fakeSourceModule';
import { group, readResult, user } from './__testUtils__/sourceData';
import {
  createTestKnex,
  startOrgSyncTestBackend,
  type OrgSyncTestBackend,
} from './testUtils';

/**
 * Runs the real catalog backend: renaming a provider id must not delete its
 * users, even though the catalog evicts entities of unregistered providers at
 * start-up.
 */
describe('renaming an org sync provider id (real catalog)', () => {
  let knex: Knex;
  let backend: OrgSyncTestBackend | undefined;
  const answers = new Map<string, OrgSourceReadResult | Error>([
    [
      'main',
      readResult(
        [
          user('u1', { name: 'ada', memberOf: ['g1'] }),
          user('u2', { name: 'bob' }),
        ],
        [group('g1', { name: 'sre', members: ['u2'] })],
      ),
    ],
  ]);

  beforeEach(() => {
    knex = createTestKnex();
  });
  afterEach(async () => {
    await backend?.stop();
    await knex.destroy();
  });

  async function startPortal(providerId: string) {
    backend = await startOrgSyncTestBackend({
      knex,
      catalogPlugin,
      features: [createFakeSourceModule(answers)],
      config: { catalog: { rules: [{ allow: ['User', 'Group'] }] } },
      orgSync: {
        [providerId]: {
          schedule: {
            frequency: { hours: 24 },
            timeout: { minutes: 1 },
            initialDelay: { hours: 24 },
          },
          sources: { fake: { main: {} } },
        },
      },
    });
    return backend;
  }

  async function userNames(api: OrgSyncTestBackend): Promise<string[]> {
    const { body } = await api.request('/entities/by-query?filter=kind=user');
    return body.items.map((e: any) => e.metadata.name).sort();
  }
  async function waitFor<T>(
    fn: () => Promise<T>,
    ok: (value: T) => boolean,
  ): Promise<T> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const value = await fn();
      if (ok(value) || Date.now() > deadline) return value;
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  }

  it('keeps every user across the rename and hands them to the new id', async () => {
    let api = await startPortal('corp');
    await api.request('/org-sync/providers/corp/sync', 'POST');
    expect(
      await waitFor(
        () => userNames(api),
        names => names.length === 2,
      ),
    ).toEqual(['ada', 'bob']);
    await backend!.stop();

    api = await startPortal('corp-renamed');
    // The catalog has run its start-up orphan eviction by now; nothing may be gone.
    expect(await userNames(api)).toEqual(['ada', 'bob']);

    await api.request('/org-sync/providers/corp-renamed/sync', 'POST');
    const status = await waitFor(
      () => api.request('/org-sync/providers/corp-renamed'),
      s => Boolean(s.body.lastRun),
    );
    expect(status.body.lastRun).toMatchObject({
      outcome: 'committed',
      counts: { added: 3 },
    });

    expect(
      (await api.request('/org-sync/providers/corp/release', 'POST')).status,
    ).toBe(200);
    const location = (body: any) =>
      body.metadata?.annotations?.['backstage.io/managed-by-location'];
    const ada = await waitFor(
      () => api.request('/entities/by-name/user/default/ada'),
      r => location(r.body) === 'org-sync:corp-renamed',
    );
    expect(location(ada.body)).toBe('org-sync:corp-renamed');
    expect(await userNames(api)).toEqual(['ada', 'bob']);
  }, 60_000);
});
