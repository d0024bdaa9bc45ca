/**
 * Starts a real OpenLDAP slapd on a loopback port for integration tests,
 * benchmarks and the local demo.
 *
 * @packageDocumentation
 */

export { startSlapd } from './startSlapd';
export type {
  SlapdExit,
  SlapdInstance,
  SlapdLoader,
  SlapdTls,
  SlapdTlsOptions,
  StartSlapdOptions,
} from './types';
export { createTlsFiles } from './tlsFiles';
export type { CreateTlsFilesOptions, TlsFiles } from './tlsFiles';
export {
  SLAPD_NOT_INSTALLED_MESSAGE,
  SlapdError,
  SlapdNotInstalledError,
} from './errors';
export { startDemoDirectory } from './demoDirectory';
export type { DemoDirectoryOptions } from './demoDirectory';
