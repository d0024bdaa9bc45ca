/**
 * Validates `integrations:` at start-up and checks every integration
 * credential against its host (scopes, rate limit, expiry), on a schedule and
 * on demand, for the admin health view.
 *
 * @packageDocumentation
 */

export { scmIntegrationsPlugin as default } from './plugin';
export { readHealthConfig } from './config/readHealthConfig';
export type { HealthConfig } from './config/readHealthConfig';
export type {
  CredentialHealth,
  CredentialStatus,
  HealthReport,
  HostHealth,
} from '@identity-portal/plugin-scm-integrations-common';
