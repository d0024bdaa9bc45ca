import { ResponseError } from '@backstage/errors';
import { GroupPolicyClient } from './GroupPolicyClient';

function client(response: () => Response) {
  const fetch = jest.fn(async () => response());
  const discoveryApi = {
    getBaseUrl: jest.fn(async () => 'http://backend/api/permission'),
  };
  return {
    fetch,
    discoveryApi,
    client: new GroupPolicyClient({ discoveryApi, fetchApi: { fetch } }),
  };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

describe('GroupPolicyClient', () => {
  it('asks the permission plugin for the signed-in user, and for another user by ref', async () => {
    const me = { user: 'user:default/alice' };
    const { fetch, discoveryApi, client: api } = client(() => json(me));

    await expect(api.getAccess()).resolves.toEqual(me);
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('permission');
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backend/api/permission/group-policy/me',
      undefined,
    );

    await api.getAccess('user:default/bob');
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backend/api/permission/group-policy/me?user=user%3Adefault%2Fbob',
      undefined,
    );
  });

  it('posts the question to /explain as JSON', async () => {
    const { fetch, client: api } = client(() => json({ result: 'DENY' }));
    await api.explain({
      permission: 'catalog.location.create',
      user: 'user:default/bob',
    });
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/permission/group-policy/explain',
      expect.objectContaining({ method: 'POST' }),
    );
    const init = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(init[1].body as string)).toEqual({
      permission: 'catalog.location.create',
      user: 'user:default/bob',
    });
  });

  it('reads capabilities for a user', async () => {
    const { fetch, client: api } = client(() => json({ items: [] }));
    await api.getCapabilities('user:default/alice');
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/permission/group-policy/capabilities?user=user%3Adefault%2Falice',
      undefined,
    );
  });

  it('asks who can do something by permission name', async () => {
    const { fetch, client: api } = client(() =>
      json({ permission: 'catalog.location.create', principals: [] }),
    );
    await api.getWhoCan('catalog.location.create');
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/permission/group-policy/who-can?permission=catalog.location.create',
      undefined,
    );
  });

  it('turns an error answer into a ResponseError carrying the backend message', async () => {
    const { client: api } = client(() =>
      json(
        {
          error: {
            name: 'NotAllowedError',
            message: 'Only administrators may ask about another user',
          },
          response: { statusCode: 403 },
        },
        403,
      ),
    );
    const error = await api.getAccess('user:default/bob').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.cause.message).toBe(
      'Only administrators may ask about another user',
    );
  });
});
