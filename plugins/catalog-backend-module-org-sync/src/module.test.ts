import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { OrgSourceReadResult } from '@identity-portal/plugin-catalog-org-sync-node';
import type { JsonObject } from '@backstage/types';
import type { Knex } from 'knex';
import { createFakeSourceModule } from './__testUtils__/fakeSourceModule';
import { group, readResult, user } from './__testUtils__/sourceData';
import {
  createRecorder,
  createTestKnex,
  startOrgSyncTestBackend,
  TEST_SCHEDULE as schedule,
  type OrgSyncRecorder,
  type OrgSyncTestBackend,
} from './testUtils';

type Started = OrgSyncTestBackend & OrgSyncRecorder;

async function start(options: {
  knex: Knex;
  orgSync: JsonObject;
  answers: Map<string, OrgSourceReadResult | Error>;
  permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
}): Promise<Started> {
  const recorder = createRecorder();
  const backend = await startOrgSyncTestBackend({
    knex: options.knex,
    orgSync: options.orgSync,
    features: [createFakeSourceModule(options.answers)],
    recorder,
    permission: options.permission,
  });
  return { ...backend, ...recorder };
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
    knex = createTestKnex();
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

    const first = await started.refresh('corp');
    expect(first.outcome).toBe('committed');
    expect(started.mutations[0]).toMatchObject({ type: 'full' });
    expect((started.mutations[0] as any).entities).toHaveLength(21);

    answers.set('main', readResult([]));
    const second = await started.refresh('corp');
    expect(second.outcome).toBe('refused');
    expect(started.mutations).toHaveLength(1);

    const status = await started.request('/org-sync/providers/corp');
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
    await started.refresh('corp');
    answers.set(
      'main',
      readResult(
        [user('new', { name: 'newcomer' }), ...twenty.users],
        twenty.groups,
      ),
    );
    const dryRun = await started.request(
      '/org-sync/providers/corp/dry-run',
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
    expect((await started.request('/org-sync/providers')).status).toBe(403);
    expect(
      (await started.request('/org-sync/providers/corp/sync', 'POST')).status,
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
    await started.refresh('corp');
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
    const list = await started.request('/org-sync/providers');
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
    const report = await started.refresh('corp-renamed');
    expect(report.counts.added).toBe(21);
    expect(report.collisions).toEqual([]);

    const released = await started.request(
      '/org-sync/providers/corp/release',
      'POST',
    );
    expect(released.status).toBe(200);
    expect(started.mutations.at(-1)).toEqual({ type: 'full', entities: [] });
    const conflict = await started.request(
      '/org-sync/providers/corp-renamed/release',
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
