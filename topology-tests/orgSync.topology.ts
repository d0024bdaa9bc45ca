import {
  orgSyncRuns,
  startTopology,
  waitFor,
  type Replica,
  type Topology,
} from '@internal/topology-harness';
import { orgRefs, signInWhenReady } from './support/portal';

const FREQUENCY_S = 5;
// The scheduler's lock on a run: a replica that dies mid-run holds it until then.
const TIMEOUT_S = 10;

describe('org sync on two replicas', () => {
  let topology: Topology;
  let token: string;
  let synced: string[];

  beforeAll(async () => {
    topology = await startTopology({
      orgSync: { frequencySeconds: FREQUENCY_S, timeoutSeconds: TIMEOUT_S },
    });
    token = (await signInWhenReady(topology.replicas[0].url, 'alice')).token;
    synced = await orgRefs(topology.replicas[0].url, token);
  }, 240_000);

  afterAll(() => topology?.stop(), 60_000);

  it('runs once per interval across the two replicas', async () => {
    const intervals = 4;
    const from = Date.now();
    const to = from + intervals * FREQUENCY_S * 1000;
    await new Promise(resolve => setTimeout(resolve, to - from + 2000));
    const runs = orgSyncRuns(topology.replicas).filter(
      run => run.startedAt >= from && run.startedAt < to,
    );
    // The scheduler keeps the cadence (a late run does not push the next one back), so there is one
    // run per interval, plus one at most where a boundary falls: with two independent schedules there
    // would be about two per interval.
    expect(runs.length).toBeGreaterThanOrEqual(intervals - 1);
    expect(runs.length).toBeLessThanOrEqual(intervals + 1);
    expect(runs.every(run => run.outcome === 'committed')).toBe(true);
    // One run at a time.
    for (let i = 1; i < runs.length; i++) {
      expect(runs[i].startedAt).toBeGreaterThanOrEqual(runs[i - 1].finishedAt);
    }
    expect(
      synced.filter(ref => ref.startsWith('user:')).length,
    ).toBeGreaterThan(10);
    expect(
      synced.filter(ref => ref.startsWith('group:')).length,
    ).toBeGreaterThan(5);
  });

  it('loses no entity when the syncing replica is killed mid-sync, and the other completes the next run', async () => {
    const proxies = topology.orgSyncProxies;
    const before = proxies.map(proxy => proxy.connections());
    // The directory answers slowly now: the next run takes seconds to read it.
    proxies.forEach(proxy => proxy.setDelay(1500));
    let victimIndex = -1;
    await waitFor(
      'a replica starts a sync',
      () => {
        victimIndex = proxies.findIndex((p, i) => p.connections() > before[i]);
        return victimIndex >= 0;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    const victim: Replica = topology.replicas[victimIndex];
    const survivor: Replica = topology.replicas[1 - victimIndex];
    await new Promise(resolve => setTimeout(resolve, 500));
    const killedAt = Date.now();
    await victim.kill();
    proxies.forEach(proxy => proxy.setDelay(0));
    expect(
      orgSyncRuns([victim]).some(run => run.finishedAt >= killedAt - 500),
    ).toBe(false);

    // Until the survivor has completed a run, every User and Group stays in the catalog.
    const missing = new Set<string>();
    await waitFor(
      `${survivor.name} completes a run after ${victim.name} was killed`,
      async () => {
        const refs = await orgRefs(survivor.url, token);
        synced.filter(ref => !refs.includes(ref)).forEach(r => missing.add(r));
        return orgSyncRuns([survivor]).some(
          run => run.startedAt > killedAt && run.outcome === 'committed',
        );
      },
      // The dead replica's lock expires after the task timeout; the scheduler's janitor (once a
      // minute on each replica) then frees it, and the survivor claims the next run.
      {
        timeoutMs: (TIMEOUT_S + 60 + 2 * FREQUENCY_S) * 1000 + 10_000,
        intervalMs: 500,
      },
    );
    expect([...missing]).toEqual([]);
    expect(await orgRefs(survivor.url, token)).toEqual(synced);
  }, 180_000);
});
