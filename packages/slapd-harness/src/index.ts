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
  StartSlapdOptions,
} from './types';
export {
  SLAPD_NOT_INSTALLED_MESSAGE,
  SlapdError,
  SlapdNotInstalledError,
} from './errors';
export { startDemoDirectory } from './demoDirectory';
export type { DemoDirectoryOptions } from './demoDirectory';
