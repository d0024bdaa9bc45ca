import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { OrgSourceReadResult } from '@identity-portal/plugin-catalog-org-sync-node';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import knexFactory, { type Knex } from 'knex';
import { createFakeSourceModule } from './__testUtils__/fakeSourceModule';
import { group, readResult, user } from './__testUtils__/sourceData';
import { catalogModuleOrgSync } from './module';

/**
 * Runs the real catalog backend: renaming a provider id must not delete its
 * users, even though the catalog evicts entities of unregistered providers at
 * start-up.
 */
describe('renaming an org sync provider id (real catalog)', () => {
  let knex: Knex;
  let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;
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
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
  });
  afterEach(async () => {
    await backend?.stop();
    await knex.destroy();
  });

  async function startPortal(providerId: string) {
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleOrgSync,
        createFakeSourceModule(answers),
        mockServices.database.factory({ knex }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [{ allow: ['User', 'Group'] }],
              providers: {
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
              },
            },
          },
        }),
      ],
    });
    const { port } = backend.server.address() as { port: number };
    return `http://localhost:${port}/api/catalog`;
  }

  const get = async (url: string) => {
    const response = await fetch(url, {
      headers: { Authorization: mockCredentials.user.header() },
    });
    return { status: response.status, body: await response.json() };
  };
  const post = (url: string) =>
    fetch(url, {
      method: 'POST',
      headers: { Authorization: mockCredentials.user.header() },
    });
  async function userNames(api: string): Promise<string[]> {
    const { body } = await get(`${api}/entities/by-query?filter=kind=user`);
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
    await post(`${api}/org-sync/providers/corp/sync`);
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

    await post(`${api}/org-sync/providers/corp-renamed/sync`);
    const status = await waitFor(
      () => get(`${api}/org-sync/providers/corp-renamed`),
      s => Boolean(s.body.lastRun),
    );
    expect(status.body.lastRun).toMatchObject({
      outcome: 'committed',
      counts: { added: 3 },
    });

    expect((await post(`${api}/org-sync/providers/corp/release`)).status).toBe(
      200,
    );
    const location = (body: any) =>
      body.metadata?.annotations?.['backstage.io/managed-by-location'];
    const ada = await waitFor(
      () => get(`${api}/entities/by-name/user/default/ada`),
      r => location(r.body) === 'org-sync:corp-renamed',
    );
    expect(location(ada.body)).toBe('org-sync:corp-renamed');
    expect(await userNames(api)).toEqual(['ada', 'bob']);
  }, 60_000);
});
