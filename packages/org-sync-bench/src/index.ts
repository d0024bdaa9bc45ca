/**
 * The org sync benchmark (`yarn bench:org-sync`): floor, upstream and ours
 * reading one seeded slapd. Exports the pure parts (statistics, table) for
 * reuse; the benchmark itself is the CLI in `src/cli.ts`.
 *
 * @packageDocumentation
 */

export { median, min, max, ratio } from './stats';
export {
  summarize,
  evaluateTargets,
  formatTable,
  formatSummaryTable,
  formatTargets,
  formatPhases,
  FLOOR,
  UPSTREAM,
  OURS,
} from './report';
export type {
  RunResult,
  ContenderSummary,
  ContenderInfo,
  TargetResult,
} from './report';
export { parseBenchArgs, roundOrder, CONTENDER_NAMES, USAGE } from './args';
export type { BenchOptions, ContenderName } from './args';
