import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type { HealthReport } from '@identity-portal/plugin-scm-integrations-common';
import {
  type BackendRequest,
  backendRequest,
} from '../../../lib/backendRequest';

/** What the Integrations page asks the scm-integrations plugin. */
export interface ScmIntegrationsApi {
  /** The last stored health report (the backend checks first when it has none yet). */
  getHealth(): Promise<HealthReport>;
  /** Checks every credential now and returns the new report. */
  checkHealth(): Promise<HealthReport>;
}

/** Calls `/api/scm-integrations` with the signed-in user's token (through the fetch API). */
export class ScmIntegrationsClient implements ScmIntegrationsApi {
  private readonly request: BackendRequest;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.request = backendRequest(options, 'scm-integrations');
  }

  getHealth(): Promise<HealthReport> {
    return this.request('/health');
  }

  checkHealth(): Promise<HealthReport> {
    return this.request('/health/check', { method: 'POST' });
  }
}
