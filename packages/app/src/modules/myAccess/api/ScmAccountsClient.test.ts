import { ResponseError } from '@backstage/errors';
import { ScmAccountsClient } from './ScmAccountsClient';

function client(response: () => Response) {
  const fetch = jest.fn(async (_url: RequestInfo | URL, _init?: RequestInit) =>
    response(),
  );
  const discoveryApi = {
    getBaseUrl: jest.fn(async () => 'http://backend/api/scm-integrations'),
  };
  return {
    fetch,
    discoveryApi,
    client: new ScmAccountsClient({ discoveryApi, fetchApi: { fetch } }),
  };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

describe('ScmAccountsClient', () => {
  it('lists the hosts of the scm-integrations plugin', async () => {
    const { fetch, discoveryApi, client: api } = client(() => json([]));
    await expect(api.getHosts()).resolves.toEqual([]);
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('scm-integrations');
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/scm-integrations/hosts',
      undefined,
    );
  });

  it('asks /identity for a host, with the user token in X-Scm-Authorization only when given', async () => {
    const { fetch, client: api } = client(() => json({ status: 'ok' }));
    await api.getIdentity('127.0.0.1:5180');
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('http://backend/api/scm-integrations/identity');
    expect(init).toMatchObject({
      method: 'POST',
      body: JSON.stringify({ host: '127.0.0.1:5180' }),
    });
    expect(init?.headers).not.toHaveProperty('X-Scm-Authorization');

    await api.getIdentity('127.0.0.1:5180', 'gho_user');
    expect(fetch.mock.calls[1][1]?.headers).toMatchObject({
      'X-Scm-Authorization': 'Bearer gho_user',
    });
  });

  it('throws a ResponseError with the backend message', async () => {
    const { client: api } = client(() =>
      json(
        {
          error: {
            name: 'NotFoundError',
            message: "No SCM integration for host 'x'",
          },
          response: { statusCode: 404 },
        },
        404,
      ),
    );
    await expect(api.getIdentity('x')).rejects.toBeInstanceOf(ResponseError);
  });
});
