import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  catalogProcessingExtensionPoint,
  type EntityProvider,
  type EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import type { OrgSourceReadResult } from '@identity-portal/plugin-catalog-org-sync-node';
import type { JsonObject } from '@backstage/types';
import knexFactory, { type Knex } from 'knex';
import { createFakeSourceModule } from './__testUtils__/fakeSourceModule';
import { group, readResult, user } from './__testUtils__/sourceData';
import { catalogModuleOrgSync } from './module';
import type { RunReport } from './provider/runReport';

type Started = {
  providers: EntityProvider[];
  mutations: EntityProviderMutation[];
  baseUrl: string;
  stop: () => Promise<void>;
};

const schedule = {
  frequency: { hours: 24 },
  timeout: { minutes: 5 },
  initialDelay: { hours: 24 },
};

async function start(options: {
  knex: Knex;
  orgSync: JsonObject;
  answers: Map<string, OrgSourceReadResult | Error>;
  permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
}): Promise<Started> {
  const providers: EntityProvider[] = [];
  const mutations: EntityProviderMutation[] = [];
  const backend = await startTestBackend({
    extensionPoints: [
      [
        catalogProcessingExtensionPoint,
        {
          addEntityProvider: (
            ...added: Array<EntityProvider | EntityProvider[]>
          ) => providers.push(...added.flat()),
          addProcessor: () => {},
          addPlaceholderResolver: () => {},
          setOnProcessingErrorHandler: () => {},
        },
      ],
    ],
    features: [
      catalogModuleOrgSync,
      createFakeSourceModule(options.answers),
      mockServices.database.factory({ knex: options.knex }),
      mockServices.permissions.factory({
        result: options.permission ?? AuthorizeResult.ALLOW,
      }),
      mockServices.rootConfig.factory({
        data: { catalog: { providers: { orgSync: options.orgSync } } },
      }),
    ],
  });
  for (const provider of providers) {
    await provider.connect({
      applyMutation: async mutation => {
        mutations.push(mutation);
      },
      refresh: async () => {},
    });
  }
  const address = backend.server.address() as { port: number };
  return {
    providers,
    mutations,
    baseUrl: `http://localhost:${address.port}/api/catalog/org-sync`,
    stop: () => backend.stop(),
  };
}

const refresh = (provider: EntityProvider) =>
  (provider as unknown as { refresh(): Promise<RunReport> }).refresh();

async function call(url: string, method = 'GET') {
  const response = await fetch(url, {
    method,
    headers: { Authorization: mockCredentials.user.header() },
  });
  return { status: response.status, body: await response.json() };
}

const twenty = readResult(
  Array.from({ length: 20 }, (_, i) =>
    user(`u${i}`, { name: `person${i}`, memberOf: ['g'] }),
  ),
  [group('g', { name: 'everyone' })],
);

describe('catalogModuleOrgSync', () => {
  let knex: Knex;
  let started: Started | undefined;

  beforeEach(() => {
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
  });
  afterEach(async () => {
    await started?.stop();
    started = undefined;
    await knex.destroy();
  });

  it('commits a full mutation and tells the truth on the status route after a refused run', async () => {
    const answers = new Map<string, OrgSourceReadResult | Error>([
      ['main', twenty],
    ]);
    started = await start({
      knex,
      answers,
      orgSync: { corp: { schedule, sources: { fake: { main: {} } } } },
    });
    const [provider] = started.providers;
    expect(provider.getProviderName()).toBe('org-sync:corp');

    const first = await refresh(provider);
    expect(first.outcome).toBe('committed');
    expect(started.mutations[0]).toMatchObject({ type: 'full' });
    expect((started.mutations[0] as any).entities).toHaveLength(21);

    answers.set('main', readResult([]));
    const second = await refresh(provider);
    expect(second.outcome).toBe('refused');
    expect(started.mutations).toHaveLength(1);

    const status = await call(`${started.baseUrl}/providers/corp`);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      providerId: 'corp',
      state: 'configured',
      committed: { users: 20, groups: 1 },
      lastSuccessAt: first.finishedAt,
      lastRun: {
        outcome: 'refused',
        counts: { read: { users: 0, groups: 0 } },
      },
    });
    expect(status.body.lastRun.problems[0]).toMatchObject({
      code: 'empty-result',
    });
  });

  it('returns a dry-run diff without committing', async () => {
    const answers = new Map<string, OrgSourceReadResult | Error>([
      ['main', twenty],
    ]);
    started = await start({
      knex,
      answers,
      orgSync: { corp: { schedule, sources: { fake: { main: {} } } } },
    });
    await refresh(started.providers[0]);
    answers.set(
      'main',
      readResult(
        [user('new', { name: 'newcomer' }), ...twenty.users],
        twenty.groups,
      ),
    );
    const dryRun = await call(
      `${started.baseUrl}/providers/corp/dry-run`,
      'POST',
    );
    expect(dryRun.status).toBe(200);
    expect(dryRun.body).toMatchObject({
      dryRun: true,
      outcome: 'committed',
      diff: { added: ['user:default/newcomer'], removed: [] },
    });
    expect(started.mutations).toHaveLength(1);
  });

  it('answers 403 without the permission', async () => {
    started = await start({
      knex,
      answers: new Map([['main', twenty]]),
      permission: AuthorizeResult.DENY,
      orgSync: { corp: { schedule, sources: { fake: { main: {} } } } },
    });
    expect((await call(`${started.baseUrl}/providers`)).status).toBe(403);
    expect(
      (await call(`${started.baseUrl}/providers/corp/sync`, 'POST')).status,
    ).toBe(403);
  });

  it('keeps the entities of a renamed provider until they are taken over or released', async () => {
    const answers = new Map<string, OrgSourceReadResult | Error>([
      ['main', twenty],
    ]);
    started = await start({
      knex,
      answers,
      orgSync: { corp: { schedule, sources: { fake: { main: {} } } } },
    });
    await refresh(started.providers[0]);
    await started.stop();

    started = await start({
      knex,
      answers,
      orgSync: {
        'corp-renamed': { schedule, sources: { fake: { main: {} } } },
      },
    });
    expect(started.providers.map(p => p.getProviderName())).toEqual([
      'org-sync:corp-renamed',
      'org-sync:corp',
    ]);
    const list = await call(`${started.baseUrl}/providers`);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        providerId: 'corp-renamed',
        state: 'configured',
      }),
      expect.objectContaining({
        providerId: 'corp',
        state: 'orphaned',
        committed: { users: 20, groups: 1 },
      }),
    ]);
    const report = await refresh(started.providers[0]);
    expect(report.counts.added).toBe(21);
    expect(report.collisions).toEqual([]);

    const released = await call(
      `${started.baseUrl}/providers/corp/release`,
      'POST',
    );
    expect(released.status).toBe(200);
    expect(started.mutations.at(-1)).toEqual({ type: 'full', entities: [] });
    const conflict = await call(
      `${started.baseUrl}/providers/corp-renamed/release`,
      'POST',
    );
    expect(conflict.status).toBe(409);
  });

  it('fails start-up naming the key of a source type that is not installed', async () => {
    await expect(
      start({
        knex,
        answers: new Map(),
        orgSync: { corp: { schedule, sources: { github: { main: {} } } } },
      }),
    ).rejects.toThrow(
      "Invalid config at catalog.providers.orgSync.corp.sources.github.main: no org sync source module for type 'github' is installed",
    );
  });

  it('fails start-up naming the key of an invalid safety setting', async () => {
    await expect(
      start({
        knex,
        answers: new Map(),
        orgSync: {
          corp: {
            schedule,
            safety: { maxRemovalShare: 2 },
            sources: { fake: { main: {} } },
          },
        },
      }),
    ).rejects.toThrow(
      'Invalid config at catalog.providers.orgSync.corp.safety.maxRemovalShare',
    );
  });
});
