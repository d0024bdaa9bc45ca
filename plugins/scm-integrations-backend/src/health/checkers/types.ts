import type {
  CredentialRateLimit,
  ScmServiceCredentialKind,
} from '@identity-portal/plugin-scm-integrations-common';

/** What a running check may use. */
export interface CheckContext {
  /** Aborts every request of the check when its time is up. */
  signal: AbortSignal;
  timeoutMs: number;
}

/** What a check found out about a credential that works. */
export interface CheckFindings {
  /** The account the credential acts as. */
  login?: string;
  /** A better label than the one known before the check (e.g. with the app's owner). */
  label?: string;
  /** Scopes (or app permissions as `name:level`) granted; `null` when the host does not say. */
  grantedScopes?: string[] | null;
  rateLimit?: CredentialRateLimit;
  /** `null`: never expires; undefined: unknown. */
  expiresAt?: string | null;
  /** The expiry is of a short-lived token renewed on use (GitHub App installation tokens): no warning. */
  expiryRenews?: boolean;
  /** Faults that make the credential unusable although the host accepted it. */
  errors?: string[];
}

/**
 * One credential of an integration host and how to check it. Built from
 * config by the integration's file under `checkers/`; holds its secrets only
 * to use them and to redact them from messages.
 */
export interface CredentialCheck {
  /** Stable within its host, e.g. `token`, `app:12345`, `credentials[0]`. */
  id: string;
  kind: ScmServiceCredentialKind;
  /** Label before the check; never the secret. */
  label: string;
  /** What the consumers' needs are measured in. */
  requires: 'scopes' | 'appPermissions' | 'nothing';
  /** Whether the granted scopes cover a needed one (implied scopes count). */
  isGranted(granted: string[], needed: string): boolean;
  /** Secrets of this credential, removed from every message. */
  secrets: string[];
  /** Calls the host; absent when the credential cannot be checked from here. */
  run?(context: CheckContext): Promise<CheckFindings>;
  /** Why there is no `run`, shown with status `unchecked`. */
  notChecked?: string;
}
