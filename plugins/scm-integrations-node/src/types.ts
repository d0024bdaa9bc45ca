import type {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import type { ScmIdentity } from '@identity-portal/plugin-scm-integrations-common';

export type {
  ActForUserPolicy,
  IntegrationConsumer,
  IntegrationsConfigProblem,
  ScmIdentity,
  ScmIntegrationType,
  ScmServiceCredentialKind,
} from '@identity-portal/plugin-scm-integrations-common';

/**
 * Credentials for one request (or one batch of requests) to an integration
 * host.
 *
 * @public
 */
export interface ScmCredentials {
  /** Headers to send, e.g. `{ Authorization: 'Bearer …' }`; empty for `none`. */
  headers: Record<string, string>;
  /** The token itself, when the credential is a bearer token. */
  token?: string;
  /** Which identity these credentials act as. */
  identity: ScmIdentity;
  /** When the token expires, when known. */
  expiresAt?: Date;
}

/**
 * What a caller asks the broker for.
 *
 * @public
 */
export interface ScmCredentialsRequest {
  /** Any URL on an integration host: a repository, an org, an API URL. */
  url: string;
  /**
   * Act for the signed-in user: their own SCM token (for example from the
   * GitHub or GitLab sign-in), used unless `scmIntegrations.actForUser` says
   * `never` for the host.
   */
  onBehalfOf?: {
    token: string;
    credentials?: BackstageCredentials<BackstageUserPrincipal>;
  };
}

/**
 * Hands out credentials for integration hosts and logs every use.
 *
 * @public
 */
export interface ScmCredentialsService {
  /**
   * Credentials for `request.url`. Throws a `NotFoundError` when the URL's
   * host has no integration.
   */
  getCredentials(request: ScmCredentialsRequest): Promise<ScmCredentials>;
}
