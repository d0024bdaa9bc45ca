/**
 * The production topology on loopback: real PostgreSQL (TLS) and Redis, the demo directory and two
 * portal backend replicas behind a round-robin load balancer, for the topology tests and the load test.
 *
 * @packageDocumentation
 */

export { startTopology } from './topology';
export type { Topology, TopologyOptions } from './topology';
export type { Replica } from './replica';
export type { PolicyBinding } from './topologyConfig';
export type { PostgresServer } from './postgres';
export type { RedisServer } from './redis';
export type { SlowProxy } from './slowProxy';
export type { LoadBalancer } from './loadBalancer';
export {
  authorize,
  getJson,
  ldapLogout,
  ldapRefresh,
  ldapSignIn,
} from './portalClient';
export type { SignInAnswer } from './portalClient';
export { waitFor } from './childProcess';
export { orgSyncRuns } from './orgSyncRuns';
export type { OrgSyncRun } from './orgSyncRuns';
