/**
 * The permission benchmark (`yarn bench:permission`): our group/role policy
 * in process and over HTTP, against the allow-all floor and RHDH's
 * rbac-backend. Exports the pure parts (org and role generators, statistics,
 * report); the benchmark itself is the CLI in `src/cli.ts`.
 *
 * @packageDocumentation
 */

export { generateSyntheticOrg } from './org';
export type { SyntheticOrg, SyntheticOrgOptions } from './org';
export {
  generatePolicy,
  toRhdhPolicy,
  expandTarget,
  SUPERUSER_ROLE,
} from './roles';
export type { BenchPolicy, BenchRole, BenchRule, RhdhPolicy } from './roles';
export { PERMISSIONS, CONDITIONAL_PERMISSIONS } from './permissions';
export type { BenchPermission } from './permissions';
export { quantile, summarizeLatencies, ratio } from './stats';
export type { LatencySummary } from './stats';
export { parseBenchArgs, USAGE } from './args';
export type { BenchOptions } from './args';
export { formatTable, formatReport, evaluateTargets } from './report';
export type { BenchReport } from './report';
