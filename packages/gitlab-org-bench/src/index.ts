/**
 * The GitLab org scale run (`yarn bench:gitlab-org`).
 *
 * @packageDocumentation
 */
export { parseBenchArgs } from './args';
export type { BenchOptions } from './args';
export { runBench } from './bench';
