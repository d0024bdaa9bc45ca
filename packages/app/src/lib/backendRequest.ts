import { ResponseError } from '@backstage/errors';
import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';

/** A request to one backend plugin: its JSON answer, or a `ResponseError` for any answer that is not 2xx. */
export type BackendRequest = <T>(
  path: string,
  init?: RequestInit,
) => Promise<T>;

/**
 * Requests to the backend plugin `pluginId` (below `basePath` of its `/api/<pluginId>`), sent through the fetch
 * API so that they carry the signed-in user's token.
 */
export function backendRequest(
  apis: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  pluginId: string,
  basePath = '',
): BackendRequest {
  return async <T>(path: string, init?: RequestInit): Promise<T> => {
    const baseUrl = await apis.discoveryApi.getBaseUrl(pluginId);
    const response = await apis.fetchApi.fetch(
      `${baseUrl}${basePath}${path}`,
      init,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  };
}
