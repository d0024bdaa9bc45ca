/**
 * The SCM credentials broker: one service that hands out credentials for
 * integration hosts (acting for the signed-in user or as the portal's service
 * identity), the validation of `integrations:`, and who in this portal uses
 * which host.
 *
 * @packageDocumentation
 */

export type {
  ActForUserPolicy,
  IntegrationConsumer,
  IntegrationsConfigProblem,
  ScmCredentials,
  ScmCredentialsRequest,
  ScmCredentialsService,
  ScmIdentity,
  ScmIntegrationType,
  ScmServiceCredentialKind,
} from './types';
export { scmIntegrationsHealthReadPermission } from '@identity-portal/plugin-scm-integrations-common';
export {
  actForUserPolicyOf,
  readScmIntegrationsConfig,
} from './config/readScmIntegrationsConfig';
export type { ScmIntegrationsConfig } from './config/readScmIntegrationsConfig';
export { findIntegrationConsumers } from './consumers/findIntegrationConsumers';
export {
  formatIntegrationsConfigProblem,
  validateIntegrationsConfig,
} from './validation/validateIntegrationsConfig';
export { assertValidIntegrationsConfig } from './validation/assertValidIntegrationsConfig';
export { ScmCredentialsBroker } from './broker/ScmCredentialsBroker';
export { scmCredentialsServiceRef } from './service';
