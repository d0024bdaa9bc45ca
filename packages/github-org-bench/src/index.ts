/**
 * Benchmark of the GitHub org sources (`yarn bench:github-org`).
 *
 * @packageDocumentation
 */
export { parseArgs, orgAt, FULL } from './args';
export type { BenchArgs } from './args';
export { runBench } from './bench';
export { oursRequests, upstreamRequests } from './costModel';
export type { OrgShape } from './costModel';
export { formatTable } from './report';
export type { BenchReport, ContenderResult, FullSizeFigure } from './report';
