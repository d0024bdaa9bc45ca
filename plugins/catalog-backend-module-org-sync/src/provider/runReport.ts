import type { PlanOutcome, SyncPlan } from '../pipeline/planSync';
import type { NameCollision, RunProblem } from '../pipeline/types';

/** How one source did in a run. */
export type SourceReport = {
  source: string;
  ok: boolean;
  complete: boolean;
  users: number;
  groups: number;
  durationMs: number;
  error?: string;
};

/** The record of one run, as the status and dry-run routes show it. */
export type RunReport = {
  providerId: string;
  dryRun: boolean;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  outcome: PlanOutcome;
  reason?: string;
  counts: {
    read: { users: number; groups: number };
    added: number;
    updated: number;
    removed: number;
    /** Removals refused by the safety rules. */
    refused: number;
    unchanged: number;
    /** Earlier entities kept as they were (refused removals, skipped entries). */
    retained: number;
    committed: { users: number; groups: number };
    problems: { errors: number; warnings: number };
  };
  sources: SourceReport[];
  problems: RunProblem[];
  collisions: NameCollision[];
  /** The refs behind the counts; full for dry runs, the first 50 otherwise. */
  diff: {
    added: string[];
    updated: string[];
    removed: string[];
    refused: string[];
  };
};

const KEEP = 50;

/** Builds the report of a run from its plan. */
export function createRunReport(options: {
  providerId: string;
  dryRun: boolean;
  startedAt: Date;
  finishedAt: Date;
  plan: SyncPlan;
  sources: SourceReport[];
  committed: { users: number; groups: number };
}): RunReport {
  const { plan, dryRun } = options;
  const cut = <T>(list: T[]) => (dryRun ? list : list.slice(0, KEEP));
  return {
    providerId: options.providerId,
    dryRun,
    startedAt: options.startedAt.toISOString(),
    finishedAt: options.finishedAt.toISOString(),
    durationMs: options.finishedAt.getTime() - options.startedAt.getTime(),
    outcome: plan.outcome,
    ...(plan.reason ? { reason: plan.reason } : {}),
    counts: {
      read: plan.read,
      added: plan.diff.added.length,
      updated: plan.diff.updated.length,
      removed: plan.diff.removed.length,
      refused: plan.diff.withheld.length,
      unchanged: plan.diff.unchanged,
      retained: plan.retainedRefs.length,
      committed: options.committed,
      problems: {
        errors: plan.problems.filter(p => p.severity === 'error').length,
        warnings: plan.problems.filter(p => p.severity === 'warning').length,
      },
    },
    sources: options.sources,
    problems: cut(plan.problems),
    collisions: cut(plan.collisions),
    diff: {
      added: cut(plan.diff.added),
      updated: cut(plan.diff.updated),
      removed: cut(plan.diff.removed),
      refused: cut(plan.diff.withheld),
    },
  };
}
