import type { Replica } from './replica';
import { orgSyncRuns } from './orgSyncRuns';

function replica(name: string, lines: Replica['lines']): Replica {
  return { name, lines } as Replica;
}

describe('orgSyncRuns', () => {
  it('reads the engine summary lines of every replica, oldest first', () => {
    const summary = (outcome: string, durationMs: number) =>
      JSON.stringify({
        level: 'info',
        message: `Org sync ${outcome} in 0.1s`,
        orgSyncProvider: 'example',
        outcome,
        durationMs,
      });
    const runs = orgSyncRuns([
      replica('a', [
        { at: 5_000, text: summary('committed', 100) },
        { at: 5_100, text: '{"level":"info","message":"unrelated"}' },
        { at: 5_200, text: 'not json "orgSyncProvider" "durationMs"' },
      ]),
      replica('b', [{ at: 2_000, text: summary('failed', 500) }]),
    ]);
    expect(runs).toEqual([
      { replica: 'b', outcome: 'failed', startedAt: 1_500, finishedAt: 2_000 },
      {
        replica: 'a',
        outcome: 'committed',
        startedAt: 4_900,
        finishedAt: 5_000,
      },
    ]);
  });
});
