import type { Replica } from './replica';

/** One finished org sync run, as a replica logged it. */
export interface OrgSyncRun {
  replica: string;
  outcome: string;
  startedAt: number;
  finishedAt: number;
}

/**
 * The org sync runs that the replicas logged (the engine's JSON summary line, with `outcome` and
 * `durationMs`; the end is when the line arrived), oldest first.
 */
export function orgSyncRuns(replicas: Replica[]): OrgSyncRun[] {
  const runs: OrgSyncRun[] = [];
  for (const replica of replicas) {
    for (const { at, text } of replica.lines) {
      if (
        !text.includes('"orgSyncProvider"') ||
        !text.includes('"durationMs"')
      ) {
        continue;
      }
      try {
        const entry = JSON.parse(text);
        // The log line is written when the run ends; it arrives here a moment later.
        const finishedAt = at;
        runs.push({
          replica: replica.name,
          outcome: entry.outcome,
          startedAt: finishedAt - Number(entry.durationMs),
          finishedAt,
        });
      } catch {
        // not a JSON log line
      }
    }
  }
  return runs.sort((a, b) => a.startedAt - b.startedAt);
}
