import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type {
  CapabilitiesResponse,
  ExplainRequest,
  ExplainResponse,
  MeResponse,
  WhoCanResponse,
} from './types';
import {
  type BackendRequest,
  backendRequest,
} from '../../../lib/backendRequest';

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
  private readonly request: BackendRequest;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.request = backendRequest(options, 'permission', '/group-policy');
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
}

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value) search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
