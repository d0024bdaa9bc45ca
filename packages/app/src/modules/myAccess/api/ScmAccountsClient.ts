import { ResponseError } from '@backstage/errors';
import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type { ScmHost, ScmIdentityAnswer } from './scmAccountTypes';

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
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
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

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('scm-integrations');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
