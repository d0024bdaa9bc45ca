import { ResponseError } from '@backstage/errors';
import { healthyReport } from '../__testUtils__/fixtures';
import { ScmIntegrationsClient } from './ScmIntegrationsClient';

function client(response: () => Response) {
  const fetch = jest.fn(async () => response());
  const discoveryApi = {
    getBaseUrl: jest.fn(async () => 'http://backend/api/scm-integrations'),
  };
  return {
    fetch,
    discoveryApi,
    client: new ScmIntegrationsClient({ discoveryApi, fetchApi: { fetch } }),
  };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

describe('ScmIntegrationsClient', () => {
  it('reads the stored report from the scm-integrations plugin', async () => {
    const {
      fetch,
      discoveryApi,
      client: api,
    } = client(() => json(healthyReport));
    await expect(api.getHealth()).resolves.toEqual(healthyReport);
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('scm-integrations');
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/scm-integrations/health',
      undefined,
    );
  });

  it('asks for a check now with a POST', async () => {
    const { fetch, client: api } = client(() => json(healthyReport));
    await expect(api.checkHealth()).resolves.toEqual(healthyReport);
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/scm-integrations/health/check',
      { method: 'POST' },
    );
  });

  it('turns a refusal into a ResponseError with status 403 and the backend message', async () => {
    const { client: api } = client(() =>
      json(
        {
          error: { name: 'NotAllowedError', message: 'Unauthorized' },
          response: { statusCode: 403 },
        },
        403,
      ),
    );
    const error = await api.getHealth().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.cause.name).toBe('NotAllowedError');
  });
});
