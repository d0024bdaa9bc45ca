import { ResponseError } from '@backstage/errors';
import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type {
  CapabilitiesResponse,
  ExplainRequest,
  ExplainResponse,
  MeResponse,
  WhoCanResponse,
} from './types';

/** What the My access page asks the group policy. */
export interface GroupPolicyApi {
  /** Identity, groups (with paths), roles (with how each was obtained) and graph freshness; `user` for admins. */
  getAccess(user?: string): Promise<MeResponse>;
  /** The decision on one permission (optionally for one resource) with its explanation. */
  explain(request: ExplainRequest): Promise<ExplainResponse>;
  /** What a user may do: one decision per known permission. */
  getCapabilities(user?: string): Promise<CapabilitiesResponse>;
  /** Who may do something: every principal not denied the permission (inspectors only). */
  getWhoCan(permission: string): Promise<WhoCanResponse>;
}

/** Calls `/api/permission/group-policy` with the signed-in user's token (through the fetch API). */
export class GroupPolicyClient implements GroupPolicyApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getAccess(user?: string): Promise<MeResponse> {
    return this.request(`/me${query({ user })}`);
  }

  explain(request: ExplainRequest): Promise<ExplainResponse> {
    return this.request('/explain', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
  }

  getCapabilities(user?: string): Promise<CapabilitiesResponse> {
    return this.request(`/capabilities${query({ user })}`);
  }

  getWhoCan(permission: string): Promise<WhoCanResponse> {
    return this.request(`/who-can${query({ permission })}`);
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('permission');
    const response = await this.fetchApi.fetch(
      `${baseUrl}/group-policy${path}`,
      init,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value) search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
