/**
 * The answers of the scm-integrations plugin's health API (`/api/scm-integrations/health`), as the
 * Integrations page reads them. No secret is part of them.
 */

export type ScmIntegrationType =
  | 'github'
  | 'gitlab'
  | 'bitbucketCloud'
  | 'bitbucketServer'
  | 'azure';

/** How the portal authenticates to a host as its own (service) identity. */
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

/** A problem in `integrations:` or `scmIntegrations:`; `key` is the full config key. */
export type IntegrationsConfigProblem = {
  severity: 'error' | 'warning';
  key: string;
  message: string;
};

/** Someone in the portal that uses an integrations host (an org source, a plugin), and what it needs. */
export type IntegrationConsumer = {
  integrationType: ScmIntegrationType;
  host: string;
  /** The config path of the consumer, e.g. `catalog.providers.orgSync.example.sources.github.demo-github`. */
  consumer: string;
  description: string;
  scopes: string[];
  appPermissions?: Record<string, 'read' | 'write'>;
};

export type CredentialStatus = 'ok' | 'warning' | 'error' | 'unchecked';

export type CredentialScopes = {
  /** `null` when the host does not report the scopes of this kind of credential. */
  granted: string[] | null;
  required: { scope: string; neededBy: string[] }[];
  missing: string[];
};

export type RateLimit = { limit: number; remaining: number; resetAt?: string };

export type CredentialHealth = {
  id: string;
  kind: ScmServiceCredentialKind;
  /** Names the credential without revealing it, e.g. `personal access token …f00d`. */
  label: string;
  status: CredentialStatus;
  /** One sentence, e.g. `works as octocat` or `401: token revoked or invalid`. */
  message: string;
  checkedAt: string;
  durationMs: number;
  /** The account the credential acts as. */
  login?: string;
  scopes?: CredentialScopes;
  rateLimit?: RateLimit;
  /** `null`: does not expire; absent: unknown. */
  expiresAt?: string | null;
};

export type HostHealth = {
  integrationType: ScmIntegrationType;
  host: string;
  apiBaseUrl?: string;
  usedBy: IntegrationConsumer[];
  actForUser: 'allow' | 'never';
  credentials: CredentialHealth[];
};

export type HealthReport = {
  checkedAt: string;
  config: { problems: IntegrationsConfigProblem[] };
  hosts: HostHealth[];
};
