/**
 * Test utilities for org sync sources and the engine: runs the real org sync
 * engine in `startTestBackend` with a source module, records the catalog
 * mutations and the log lines.
 *
 * @packageDocumentation
 */

export {
  createRecorder,
  entityOf,
  expectNothingLost,
  recordingConnection,
  refsOf,
} from './testUtils/mutations';
export type { OrgSyncRecorder } from './testUtils/mutations';
export {
  allLogText,
  linesWith,
  recordingRootLogger,
} from './testUtils/recordingLogger';
export type { LogLine } from './testUtils/recordingLogger';
export {
  createTestKnex,
  startOrgSyncTestBackend,
  TEST_SCHEDULE,
} from './testUtils/startOrgSyncTestBackend';
export type {
  OrgSyncTestBackend,
  OrgSyncTestBackendOptions,
} from './testUtils/startOrgSyncTestBackend';
export { createTestSourceModule } from './testUtils/sourceModule';
export { startSingleSourceTestBackend } from './testUtils/startSingleSourceTestBackend';
export type { SingleSourceTestBackend } from './testUtils/startSingleSourceTestBackend';
