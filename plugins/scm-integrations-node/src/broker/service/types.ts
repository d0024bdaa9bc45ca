import type { ScmServiceCredentialKind } from '../../types';

/** What the service identity uses for one request. */
export interface ServiceCredential {
  credential: ScmServiceCredentialKind;
  headers: Record<string, string>;
  token?: string;
  /** The GitHub App whose installation token this is. */
  appId?: number;
  /** Why a preferred credential was passed over (logged, never a secret). */
  fallbackReason?: string;
}

/** No credentials: anonymous requests, public data only. */
export const NO_CREDENTIAL: ServiceCredential = {
  credential: 'none',
  headers: {},
};
