import { PasswordSessionClient, SignInError } from './PasswordSessionClient';
import { describeSignInError } from '../messages';

const identity = {
  type: 'user' as const,
  userEntityRef: 'user:default/zhoffmann',
  ownershipEntityRefs: ['user:default/zhoffmann', 'group:default/admins'],
};

function sessionBody(token: string, expiresInSeconds = 3600) {
  return {
    profile: { email: 'zoe@example.com', displayName: 'Zoë Hoffmann' },
    providerInfo: {},
    backstageIdentity: { token, expiresInSeconds, identity },
  };
}

function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

function setup(providerId = 'ldap') {
  let now = 1_000_000;
  const fetchMock = jest.fn<Promise<Response>, [string, RequestInit]>();
  const client = new PasswordSessionClient({
    providerId,
    discoveryApi: { getBaseUrl: async () => 'http://127.0.0.1:7007/api/auth' },
    environment: 'development',
    hasLogout: providerId === 'ldap',
    fetch: fetchMock as unknown as typeof fetch,
    now: () => now,
  });
  return {
    client,
    fetchMock,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('PasswordSessionClient', () => {
  it('posts the credentials as JSON with the CSRF header, the cookie and ?env', async () => {
    const { client, fetchMock } = setup();
    fetchMock.mockResolvedValueOnce(json(200, sessionBody('t1')));

    const session = await client.signInWithPassword('lnowak', 'demo-łódź-tram');

    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe(
      'http://127.0.0.1:7007/api/auth/ldap/handler/frame?env=development',
    );
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('include');
    const headers = new Headers(init.headers);
    expect(headers.get('X-Requested-With')).toBe('XMLHttpRequest');
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(JSON.parse(init.body as string)).toEqual({
      username: 'lnowak',
      password: 'demo-łódź-tram',
    });
    expect(session.backstageIdentity.token).toBe('t1');
    expect(session.backstageIdentity.identity).toEqual(identity);
    expect(session.profile.displayName).toBe('Zoë Hoffmann');
    // The token is served from memory while it is fresh.
    await expect(client.getBackstageIdentity()).resolves.toMatchObject({
      token: 't1',
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it.each([
    [
      json(401, {
        error: {
          name: 'AuthenticationError',
          message: 'Invalid username or password',
        },
      }),
      401,
      undefined,
      'Invalid username or password',
    ],
    [
      json(429, {
        error: { name: 'Error', message: 'Too many' },
        retryAfterSeconds: 42,
      }),
      429,
      42,
      'Too many attempts; try again in 42 seconds',
    ],
    [
      new Response('', { status: 429, headers: { 'Retry-After': '7' } }),
      429,
      7,
      'Too many attempts; try again in 7 seconds',
    ],
    [
      json(503, {
        error: {
          name: 'ServiceUnavailableError',
          message: 'The directory is unavailable; try again later',
        },
      }),
      503,
      undefined,
      'The directory is unavailable; try again later',
    ],
  ])(
    'turns a failed login into a SignInError (%#)',
    async (response, status, retryAfterSeconds, message) => {
      const { client, fetchMock } = setup();
      fetchMock.mockResolvedValueOnce(response);
      const error = await client
        .signInWithPassword('zhoffmann', 'wrong')
        .catch(e => e);
      expect(error).toBeInstanceOf(SignInError);
      expect(error.status).toBe(status);
      expect(error.retryAfterSeconds).toBe(retryAfterSeconds);
      expect(describeSignInError(error)).toBe(message);
    },
  );

  it('shows the backend message of a 401 after a correct password (no portal user)', async () => {
    const { client, fetchMock } = setup();
    const message =
      'The directory accepted the sign-in, but no portal user matches this account';
    fetchMock.mockResolvedValueOnce(
      json(401, { error: { name: 'AuthenticationError', message } }),
    );
    const error = await client.signInWithPassword('staylor', 'x').catch(e => e);
    expect(describeSignInError(error)).toBe(message);
  });

  it('reports an unreachable backend', async () => {
    const { client, fetchMock } = setup();
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const error = await client.signInWithPassword('a', 'b').catch(e => e);
    expect(error.status).toBe(0);
    expect(describeSignInError(error)).toMatch(/Cannot reach the portal/);
  });

  it('restores through /refresh, and answers nothing without a session', async () => {
    const { client, fetchMock } = setup();
    fetchMock.mockImplementation(async () =>
      json(401, { error: { name: 'AuthenticationError', message: 'no' } }),
    );
    await expect(client.restore()).resolves.toBeUndefined();
    await expect(
      client.getBackstageIdentity({ optional: true }),
    ).resolves.toBeUndefined();
    await expect(client.getBackstageIdentity()).rejects.toThrow(
      /session has ended/,
    );

    fetchMock.mockImplementation(async () => json(200, sessionBody('t2')));
    const session = await client.restore();
    expect(session?.backstageIdentity.token).toBe('t2');
    const [url, init] = fetchMock.mock.calls.at(-1)!;
    expect(url).toBe(
      'http://127.0.0.1:7007/api/auth/ldap/refresh?env=development',
    );
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('include');
    expect(new Headers(init.headers).get('X-Requested-With')).toBe(
      'XMLHttpRequest',
    );
  });

  it('renews the token through /refresh before it expires, one request at a time', async () => {
    const { client, fetchMock, advance } = setup();
    fetchMock.mockResolvedValueOnce(json(200, sessionBody('t1', 3600)));
    await client.signInWithPassword('zhoffmann', 'demo-zoe-kettle');

    advance(54 * 60_000); // 6 minutes left: still fresh
    await expect(client.getBackstageIdentity()).resolves.toMatchObject({
      token: 't1',
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);

    advance(2 * 60_000); // 4 minutes left: renew
    fetchMock.mockResolvedValueOnce(json(200, sessionBody('t2', 3600)));
    const [a, b] = await Promise.all([
      client.getBackstageIdentity(),
      client.getBackstageIdentity(),
    ]);
    expect(a?.token).toBe('t2');
    expect(b?.token).toBe('t2');
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(fetchMock.mock.calls[1][0]).toMatch(/\/ldap\/refresh\?env=/);
  });

  it('signs out through /logout and forgets the session', async () => {
    const { client, fetchMock } = setup();
    fetchMock.mockResolvedValueOnce(json(200, sessionBody('t1')));
    await client.signInWithPassword('zhoffmann', 'demo-zoe-kettle');
    const states: string[] = [];
    client.sessionState$().subscribe(s => states.push(s));

    fetchMock.mockResolvedValueOnce(new Response(null, { status: 200 }));
    await client.signOut();
    const [url, init] = fetchMock.mock.calls[1];
    expect(url).toBe(
      'http://127.0.0.1:7007/api/auth/ldap/logout?env=development',
    );
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('include');
    expect(states).toEqual(['SignedIn', 'SignedOut']);

    fetchMock.mockResolvedValueOnce(json(401, {}));
    await expect(client.restore()).resolves.toBeUndefined();
  });

  it('has no logout call for guest', async () => {
    const { client, fetchMock } = setup('guest');
    fetchMock.mockResolvedValueOnce(json(200, sessionBody('g1')));
    await client.restore();
    expect(fetchMock.mock.calls[0][0]).toBe(
      'http://127.0.0.1:7007/api/auth/guest/refresh?env=development',
    );
    await client.signOut();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
