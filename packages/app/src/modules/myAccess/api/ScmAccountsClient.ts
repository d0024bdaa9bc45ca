import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type {
  ScmHost,
  ScmIdentityAnswer,
} from '@identity-portal/plugin-scm-integrations-common';
import {
  type BackendRequest,
  backendRequest,
} from '../../../lib/backendRequest';

/** What the "Your SCM accounts" card asks the scm-integrations plugin. */
export interface ScmAccountsApi {
  /** The integration hosts, whether the portal may act for you there, and how to connect. */
  getHosts(): Promise<ScmHost[]>;
  /**
   * As whom the portal acts for you on `host`: its own identity, or you when `userToken` (your own token
   * for that host) is given and the host allows it. The token goes to the portal's backend only.
   */
  getIdentity(host: string, userToken?: string): Promise<ScmIdentityAnswer>;
}

/** Calls `/api/scm-integrations` with the signed-in user's token (through the fetch API). */
export class ScmAccountsClient implements ScmAccountsApi {
  private readonly request: BackendRequest;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.request = backendRequest(options, 'scm-integrations');
  }

  getHosts(): Promise<ScmHost[]> {
    return this.request('/hosts');
  }

  getIdentity(host: string, userToken?: string): Promise<ScmIdentityAnswer> {
    return this.request('/identity', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(userToken && { 'X-Scm-Authorization': `Bearer ${userToken}` }),
      },
      body: JSON.stringify({ host }),
    });
  }
}
