import type {
  ActForUserPolicy,
  IntegrationConsumer,
  IntegrationsConfigProblem,
  ScmIntegrationType,
  ScmServiceCredentialKind,
} from './types';

/**
 * How a credential fared in its last check.
 *
 * @public
 */
export type CredentialStatus = 'ok' | 'warning' | 'error' | 'unchecked';

/**
 * The scopes a credential has against those the portal's consumers need.
 *
 * @public
 */
export interface CredentialScopes {
  /** `null`: the host does not say (fine-grained GitHub PATs, app passwords). */
  granted: string[] | null;
  required: { scope: string; neededBy: string[] }[];
  missing: string[];
}

/**
 * The rate limit of a credential as the host reported it.
 *
 * @public
 */
export interface CredentialRateLimit {
  limit: number;
  remaining: number;
  resetAt?: string;
}

/**
 * The health of one credential of an integration host; never holds a secret.
 *
 * @public
 */
export interface CredentialHealth {
  /** Stable within its host, e.g. `token`, `app:12345`. */
  id: string;
  kind: ScmServiceCredentialKind;
  /** E.g. `GitHub App 12345 (example-corp)`, `personal access token …f00d`. */
  label: string;
  status: CredentialStatus;
  /** A sentence: `works as octocat`, `401: token revoked or invalid`, … */
  message: string;
  checkedAt: string;
  durationMs: number;
  /** The account the credential acts as. */
  login?: string;
  scopes?: CredentialScopes;
  rateLimit?: CredentialRateLimit;
  /** `null`: does not expire; undefined: unknown. */
  expiresAt?: string | null;
}

/**
 * One integration host and its credentials.
 *
 * @public
 */
export interface HostHealth {
  integrationType: ScmIntegrationType;
  host: string;
  apiBaseUrl?: string;
  usedBy: IntegrationConsumer[];
  actForUser: ActForUserPolicy;
  credentials: CredentialHealth[];
}

/**
 * What `GET /api/scm-integrations/health` and `POST /health/check` answer.
 *
 * @public
 */
export interface HealthReport {
  checkedAt: string;
  config: { problems: IntegrationsConfigProblem[] };
  hosts: HostHealth[];
}
