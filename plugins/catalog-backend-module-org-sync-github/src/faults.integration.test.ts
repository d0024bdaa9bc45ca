import type { RunReport } from '@identity-portal/plugin-catalog-backend-module-org-sync';
import {
  createRecorder,
  createTestKnex,
  expectNothingLost,
  refsOf,
} from '@identity-portal/plugin-catalog-backend-module-org-sync/testUtils';
import type { FaultSettings, RunningStandin } from '@internal/scm-standins';
import type { JsonObject } from '@backstage/types';
import {
  DEMO,
  startDemoStandin,
  startStandinBackend,
} from './__testUtils__/standinBackend';

/** Small pages, so that the demo org takes several pages of every kind. */
const SMALL_PAGES = { members: 5, teams: 3, teamMembers: 2 };

describe('GitHub stand-in faults, through the org sync engine: no entity is lost', () => {
  let standin: RunningStandin;

  beforeAll(async () => {
    standin = await startDemoStandin();
  });
  afterAll(() => standin?.stop());

  /**
   * Commits the demo org cleanly, arms `faults`, runs again and returns that
   * run's report, what the stand-in answered, and the mutations.
   */
  async function runWithFault(faults: FaultSettings, source: JsonObject = {}) {
    const knex = createTestKnex();
    const recorder = createRecorder();
    const backend = await startStandinBackend({
      knex,
      recorder,
      standin,
      source: { pageSizes: SMALL_PAGES, ...source },
    });
    try {
      standin.faults.clear();
      standin.requests.reset();
      const clean = await backend.refresh();
      expect(clean.outcome).toBe('committed');
      expect(refsOf(recorder.mutations.at(-1))).toEqual(DEMO.refs);
      const cleanRequests = standin.requests.count();
      standin.requests.reset();

      standin.faults.set(faults);
      const report: RunReport = await backend.refresh();
      const statuses = standin.requests.list().map(r => r.status);
      standin.faults.clear();
      // Nothing of the clean commit is missing from the last full mutation.
      expectNothingLost(recorder, DEMO.refs);
      return { report, statuses, cleanRequests, mutations: recorder.mutations };
    } finally {
      standin.faults.clear();
      await backend.stop();
      await knex.destroy();
    }
  }

  it('failPage: retries the failed page and commits everything', async () => {
    const { report, statuses } = await runWithFault({ failPage: { nth: 3 } });
    expect(statuses).toContain(502);
    expect(report.outcome).toBe('committed');
    expect(report.problems).toEqual([]);
  });

  it('failPage with no retries left: a partial read, committed without removals', async () => {
    const { report, statuses } = await runWithFault(
      { failPage: { nth: 2, status: 500 } },
      { retry: { attempts: 1 } },
    );
    expect(statuses).toContain(500);
    expect(report.outcome).toBe('committed-without-removals');
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source: 'github.main',
          severity: 'error',
          message: expect.stringMatching(/page \d+ was given up: .*HTTP 500/),
        }),
      ]),
    );
  });

  it('slowMs: slow answers still commit everything', async () => {
    const { report } = await runWithFault({ slowMs: 30 });
    expect(report.outcome).toBe('committed');
  });

  it('slowMs beyond the request timeout: the source fails and nothing is removed', async () => {
    const { report, mutations } = await runWithFault(
      { slowMs: 1500 },
      { requestTimeoutMs: 1000, retry: { attempts: 2 } },
    );
    expect(report.outcome).toBe('failed');
    expect(report.problems).toEqual([
      expect.objectContaining({
        code: 'source-failed',
        message: expect.stringMatching(/no answer within 1000 ms/),
      }),
    ]);
    expect(mutations).toHaveLength(1);
  });

  it('secondaryRateLimit: waits retry-after and commits everything', async () => {
    const { report, statuses } = await runWithFault({
      secondaryRateLimit: { nth: 2, retryAfterSeconds: 1 },
    });
    expect(statuses).toContain(403);
    expect(report.outcome).toBe('committed');
  });

  it('resourceLimitAbove: shrinks pages below the limit and commits everything', async () => {
    const { report, statuses, cleanRequests } = await runWithFault(
      { resourceLimitAbove: 20 },
      {
        pageSizes: { members: 100, teams: 50, teamMembers: 100 },
        retry: { attempts: 10 },
      },
    );
    // The refused queries (HTTP 200 with RESOURCE_LIMITS_EXCEEDED) came on top.
    expect(statuses.length).toBeGreaterThan(cleanRequests);
    expect(report.outcome).toBe('committed');
    expect(report.problems).toEqual([]);
  });

  it('timeoutAbove: shrinks pages on 502 timeouts and commits everything', async () => {
    const { report, statuses } = await runWithFault(
      { timeoutAbove: 20 },
      {
        pageSizes: { members: 100, teams: 50, teamMembers: 100 },
        retry: { attempts: 10 },
      },
    );
    expect(statuses).toContain(502);
    expect(report.outcome).toBe('committed');
  });

  it('primaryRateLimitRemaining: stops at x-ratelimit-remaining 0 until the reset, never refused', async () => {
    const { report, statuses } = await runWithFault({
      primaryRateLimitRemaining: 2,
      primaryRateLimitResetSeconds: 1,
    });
    // A request sent before the reset would have been refused with 403.
    expect(statuses.length).toBeGreaterThan(2);
    expect(statuses.every(s => s === 200)).toBe(true);
    expect(report.outcome).toBe('committed');
  });

  it('primaryRateLimitRemaining 0: waits for x-ratelimit-reset after a 403 and commits everything', async () => {
    const { report, statuses } = await runWithFault({
      primaryRateLimitRemaining: 0,
      primaryRateLimitResetSeconds: 1,
    });
    expect(statuses[0]).toBe(403);
    expect(statuses.at(-1)).toBe(200);
    expect(report.outcome).toBe('committed');
  });
});
