import { ResponseError } from '@backstage/errors';
import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type { HealthReport } from './types';

/** What the Integrations page asks the scm-integrations plugin. */
export interface ScmIntegrationsApi {
  /** The last stored health report (the backend checks first when it has none yet). */
  getHealth(): Promise<HealthReport>;
  /** Checks every credential now and returns the new report. */
  checkHealth(): Promise<HealthReport>;
}

/** Calls `/api/scm-integrations` with the signed-in user's token (through the fetch API). */
export class ScmIntegrationsClient implements ScmIntegrationsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getHealth(): Promise<HealthReport> {
    return this.request('/health');
  }

  checkHealth(): Promise<HealthReport> {
    return this.request('/health/check', { method: 'POST' });
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
