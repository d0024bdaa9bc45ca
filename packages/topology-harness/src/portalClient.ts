/** What a sign-in or a session refresh answered. */
export interface SignInAnswer {
  status: number;
  /** The Backstage token (200 only). */
  token?: string;
  userEntityRef?: string;
  /** `ldap-session=<id>` from Set-Cookie, to send back as a Cookie header. */
  cookie?: string;
  /** The error's message, otherwise. */
  message?: string;
  retryAfterSeconds?: number;
}

const XHR = { 'X-Requested-With': 'XMLHttpRequest' };
const ENV = 'production';

async function readSignIn(response: Response): Promise<SignInAnswer> {
  const body = (await response.json().catch(() => ({}))) as any;
  const setCookie = response.headers.get('set-cookie') ?? '';
  const cookie = /ldap-session=[^;]*/.exec(setCookie)?.[0];
  return {
    status: response.status,
    token: body?.backstageIdentity?.token,
    userEntityRef: body?.backstageIdentity?.identity?.userEntityRef,
    cookie: cookie && cookie !== 'ldap-session=' ? cookie : undefined,
    message: body?.error?.message,
    retryAfterSeconds: body?.retryAfterSeconds,
  };
}

/** `POST /api/auth/ldap/handler/frame`: signs in with a username and password. */
export async function ldapSignIn(
  baseUrl: string,
  username: string,
  password: string,
  signal?: AbortSignal,
): Promise<SignInAnswer> {
  const response = await fetch(
    `${baseUrl}/api/auth/ldap/handler/frame?env=${ENV}`,
    {
      method: 'POST',
      headers: { ...XHR, 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
      signal,
    },
  );
  return readSignIn(response);
}

/** `POST /api/auth/ldap/refresh`: restores the session behind the cookie. */
export async function ldapRefresh(
  baseUrl: string,
  cookie: string,
): Promise<SignInAnswer> {
  const response = await fetch(`${baseUrl}/api/auth/ldap/refresh?env=${ENV}`, {
    method: 'POST',
    headers: { ...XHR, Cookie: cookie },
  });
  return readSignIn(response);
}

/** `POST /api/auth/ldap/logout`: revokes the session behind the cookie. */
export async function ldapLogout(
  baseUrl: string,
  cookie: string,
): Promise<number> {
  const response = await fetch(`${baseUrl}/api/auth/ldap/logout?env=${ENV}`, {
    method: 'POST',
    headers: { ...XHR, Cookie: cookie },
  });
  await response.arrayBuffer();
  return response.status;
}

/** `POST /api/permission/authorize` for basic permissions; the decisions in order. */
export async function authorize(
  baseUrl: string,
  token: string,
  permissions: string[],
  signal?: AbortSignal,
): Promise<{ status: number; results: string[] }> {
  const response = await fetch(`${baseUrl}/api/permission/authorize`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({
      items: permissions.map((name, index) => ({
        id: String(index),
        permission: {
          type: 'basic',
          name,
          attributes: name.endsWith('.create') ? { action: 'create' } : {},
        },
      })),
    }),
    signal,
  });
  const body = (await response.json().catch(() => ({}))) as any;
  return {
    status: response.status,
    results: (body?.items ?? []).map((item: any) => item.result),
  };
}

/** `GET <path>` with a token; status and parsed JSON body. */
export async function getJson(
  baseUrl: string,
  path: string,
  token?: string,
  signal?: AbortSignal,
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${baseUrl}${path}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    signal,
  });
  const body = await response.json().catch(() => undefined);
  return { status: response.status, body };
}
