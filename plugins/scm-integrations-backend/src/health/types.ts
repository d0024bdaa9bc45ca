import type {
  IntegrationConsumer,
  IntegrationsConfigProblem,
  ScmIntegrationType,
  ScmServiceCredentialKind,
} from '@identity-portal/plugin-scm-integrations-node';

/** How a credential fared in its last check. */
export type CredentialStatus = 'ok' | 'warning' | 'error' | 'unchecked';

/** The health of one credential of an integration host; never holds a secret. */
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
  scopes?: {
    /** `null`: the host does not say (fine-grained GitHub PATs, app passwords). */
    granted: string[] | null;
    required: { scope: string; neededBy: string[] }[];
    missing: string[];
  };
  rateLimit?: { limit: number; remaining: number; resetAt?: string };
  /** `null`: does not expire; undefined: unknown. */
  expiresAt?: string | null;
}

/** One integration host and its credentials. */
export interface HostHealth {
  integrationType: ScmIntegrationType;
  host: string;
  apiBaseUrl?: string;
  usedBy: IntegrationConsumer[];
  actForUser: 'allow' | 'never';
  credentials: CredentialHealth[];
}

/** What `GET /health` and `POST /health/check` answer. */
export interface HealthReport {
  checkedAt: string;
  config: { problems: IntegrationsConfigProblem[] };
  hosts: HostHealth[];
}
