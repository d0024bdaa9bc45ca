/**
 * The integration types of `integrations:` that the broker hands out
 * credentials for.
 *
 * @public
 */
export type ScmIntegrationType =
  | 'github'
  | 'gitlab'
  | 'bitbucketCloud'
  | 'bitbucketServer'
  | 'azure';

/**
 * The kind of credential the portal's service identity uses for a host.
 * `none` means the host has no credentials: requests go out anonymously.
 *
 * @public
 */
export type ScmServiceCredentialKind =
  | 'github-app'
  | 'personal-access-token'
  | 'gitlab-token'
  | 'bitbucket-app-password'
  | 'bitbucket-oauth-client'
  | 'basic-auth'
  | 'azure-pat'
  | 'azure-client-secret'
  | 'azure-managed-identity'
  | 'none';

/**
 * Which identity a credential acts as: the signed-in user (their own SCM
 * token) or the portal's service identity (a credential from
 * `integrations:`).
 *
 * @public
 */
export type ScmIdentity =
  | {
      kind: 'user';
      host: string;
      integrationType: ScmIntegrationType;
      /** The user's entity ref, when the caller passed their credentials. */
      userEntityRef?: string;
    }
  | {
      kind: 'service';
      host: string;
      integrationType: ScmIntegrationType;
      credential: ScmServiceCredentialKind;
      /** The GitHub App whose installation token is used. */
      appId?: string | number;
    };

/**
 * Whether the broker may act for the signed-in user on a host
 * (`scmIntegrations.actForUser`).
 *
 * @public
 */
export type ActForUserPolicy = 'allow' | 'never';

/**
 * One problem in `integrations:` or `scmIntegrations:`.
 *
 * @public
 */
export interface IntegrationsConfigProblem {
  /** Errors make the portal unusable and stop start-up; warnings are logged. */
  severity: 'error' | 'warning';
  /** The full config key, e.g. `integrations.github[1].host`. */
  key: string;
  /** What is wrong and how to fix it. */
  message: string;
}

/**
 * One user of an integration host in this portal, with the scopes it needs.
 *
 * @public
 */
export interface IntegrationConsumer {
  integrationType: ScmIntegrationType;
  host: string;
  /** Config path, e.g. `catalog.providers.orgSync.example.sources.github.demo-github`. */
  consumer: string;
  /** e.g. `org sync: members and teams of example-corp`. */
  description: string;
  /** PAT / OAuth scopes needed, e.g. `['read:org']`. */
  scopes: string[];
  /** GitHub App permissions needed, e.g. `{ members: 'read' }`. */
  appPermissions?: Record<string, 'read' | 'write'>;
}
