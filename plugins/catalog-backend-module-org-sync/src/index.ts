/**
 * The org sync engine for the Backstage catalog.
 *
 * @packageDocumentation
 */

export { catalogModuleOrgSync as default } from './module';
export { catalogModuleOrgSync } from './module';
export { normaliseName } from './pipeline/normaliseName';
export type { RunReport, SourceReport } from './provider/runReport';
export type { ProviderStatus } from './store/StatusStore';
