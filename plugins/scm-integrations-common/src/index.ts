/**
 * Types and the permission shared by the SCM integrations backend and the
 * portal frontend.
 *
 * @packageDocumentation
 */

export type {
  ActForUserPolicy,
  IntegrationConsumer,
  IntegrationsConfigProblem,
  ScmIdentity,
  ScmIntegrationType,
  ScmServiceCredentialKind,
} from './types';
export type {
  CredentialHealth,
  CredentialRateLimit,
  CredentialScopes,
  CredentialStatus,
  HealthReport,
  HostHealth,
} from './health';
export type {
  ScmHost,
  ScmIdentityAnswer,
  ScmSignInProviderId,
} from './identity';
export { scmIntegrationsHealthReadPermission } from './permissions';
