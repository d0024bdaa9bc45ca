import { loadDemoOrg } from '@internal/demo-org';
import {
  gitlabFixtureFromDemoOrg,
  RunningStandin,
  startGitlabStandin,
} from '@internal/scm-standins';
import type { Knex } from 'knex';
import {
  createTestKnex,
  entityOf,
  expectNothingLost,
  refsOf,
  type SingleSourceTestBackend,
} from '@identity-portal/plugin-catalog-backend-module-org-sync/testUtils';
import {
  commitDemo,
  createRecorder,
  demoGroupName,
  demoGroupPath,
  Recorder,
  startEngine,
} from './__testUtils__/engineHarness';

describe('GitLab stand-in fault switches, through the org sync engine', () => {
  const org = loadDemoOrg();
  let standin: RunningStandin;
  let knex: Knex;
  let recorder: Recorder;
  let backend: SingleSourceTestBackend | undefined;
  let baseline: string[];

  beforeAll(async () => {
    standin = await startGitlabStandin({
      fixture: gitlabFixtureFromDemoOrg(org),
      port: 0,
    });
  });

  beforeEach(async () => {
    standin.faults.clear();
    knex = createTestKnex();
    recorder = createRecorder();
    backend = await startEngine({
      knex,
      recorder,
      standinUrl: standin.url,
      source: { pageSize: 2 },
    });
    baseline = await commitDemo(backend, recorder);
    standin.requests.reset();
  });

  afterEach(async () => {
    standin.faults.clear();
    await backend?.stop();
    await knex?.destroy();
  });

  afterAll(async () => {
    await standin?.stop();
  });

  /** Runs a sync with `faults` armed and expects a complete, unchanged commit. */
  async function expectCleanRunDespite(
    faults: Parameters<RunningStandin['faults']['set']>[0],
  ) {
    standin.faults.set(faults);
    const report = await backend!.refresh();
    expect(report.outcome).toBe('committed');
    expect(report.sources).toEqual([
      expect.objectContaining({
        source: 'gitlab.main',
        ok: true,
        complete: true,
      }),
    ]);
    expect(report.counts.removed).toBe(0);
    expect(refsOf(recorder.mutations.at(-1))).toEqual(baseline);
    expectNothingLost(recorder, baseline);
    return report;
  }

  it('failPage: retries the failed page and reads everything', async () => {
    await expectCleanRunDespite({ failPage: { nth: 3, status: 502 } });
    const statuses = standin.requests.list().map(r => r.status);
    expect(statuses.filter(s => s === 502)).toHaveLength(1);
    expect(recorder.waits).toHaveLength(1);
  });

  it('slowMs: slow answers still give the whole tree', async () => {
    await expectCleanRunDespite({ slowMs: 30 });
    const served = standin.requests.list();
    expect(served.length).toBeGreaterThan(10);
    expect(served.every(r => r.status === 200)).toBe(true);
    expect(recorder.waits).toEqual([]);
  });

  it('secondaryRateLimit: waits as long as Retry-After says on 429', async () => {
    await expectCleanRunDespite({
      secondaryRateLimit: { nth: 4, retryAfterSeconds: 1 },
    });
    expect(standin.requests.list().filter(r => r.status === 429)).toHaveLength(
      1,
    );
    expect(recorder.waits).toEqual([1000]);
  });

  it('primaryRateLimitRemaining: waits for the window reset when the quota is used up', async () => {
    await expectCleanRunDespite({
      primaryRateLimitRemaining: 5,
      primaryRateLimitResetSeconds: 1,
    });
    // Every request refused while the quota was empty waited for the reset
    // the stand-in announced (at most its one-second window), then succeeded.
    const refused = standin.requests
      .list()
      .filter(r => r.status === 429 || r.status === 403);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(recorder.waits).toHaveLength(refused.length);
    for (const wait of recorder.waits) {
      expect(wait).toBeLessThanOrEqual(2000);
    }
  });

  it('failGroup: the run is partial, the group keeps its members, nothing is lost', async () => {
    const team = org.teams.find(t =>
      org.people.some(p => p.gitlab && !p.disabled && p.teams.includes(t.id)),
    )!;
    const ref = `group:default/${demoGroupName(team.id)}`;
    const before = entityOf(recorder.mutations.at(-1), ref);
    expect((before?.spec?.members as string[]).length).toBeGreaterThan(0);

    standin.faults.set({ failGroup: demoGroupPath(team.id) });
    const report = await backend!.refresh();

    expect(report.outcome).toBe('committed-without-removals');
    expect(report.sources).toEqual([
      expect.objectContaining({
        source: 'gitlab.main',
        ok: true,
        complete: false,
      }),
    ]);
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        source: 'gitlab.main',
        severity: 'error',
        code: 'group-members-failed',
        message: expect.stringContaining(
          `The members of GitLab group ${demoGroupPath(
            team.id,
          )} could not be read`,
        ),
      }),
    );
    expect(report.counts.removed).toBe(0);
    expectNothingLost(recorder, baseline);
    // The group is committed again exactly as before, members included.
    expect(entityOf(recorder.mutations.at(-1), ref)).toEqual(before);
    // Four tries (maxRetries 3) of the failing list, all answered 500.
    expect(standin.requests.list().filter(r => r.status === 500)).toHaveLength(
      4,
    );

    const status = await backend!.status();
    expect(status.lastRun).toMatchObject({
      outcome: 'committed-without-removals',
      counts: { removed: 0 },
    });

    // Once the group answers again, the next run is clean.
    standin.faults.clear();
    const next = await backend!.refresh();
    expect(next.outcome).toBe('committed');
    expect(refsOf(recorder.mutations.at(-1))).toEqual(baseline);
  });
});
