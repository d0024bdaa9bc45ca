/** What the popup posts to the app: the auth response or an error. */
export interface WebMessage {
  type: string;
  response?: {
    profile: { email?: string; displayName?: string };
    providerInfo: { accessToken: string; scope: string };
    backstageIdentity?: {
      token: string;
      identity: { userEntityRef: string; ownershipEntityRefs: string[] };
    };
  };
  error?: { name: string; message: string };
}

/** The cookies a response sets, as a Cookie header (a cleared cookie is left out). */
export function cookiesOf(response: Response): string {
  const jar = new Map<string, string>();
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const name = pair.slice(0, pair.indexOf('='));
    const value = pair.slice(pair.indexOf('=') + 1);
    if (value) jar.set(name, value);
    else jar.delete(name);
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

/** `GET /start`: the provider's authorize URL and the nonce cookie. */
export async function startSignIn(base: string, appUrl: string) {
  const response = await fetch(
    `${base}/start?env=development&origin=${encodeURIComponent(appUrl)}`,
    { redirect: 'manual' },
  );
  if (response.status !== 302) {
    throw new Error(
      `/start answered ${response.status}: ${await response.text()}`,
    );
  }
  return {
    authorizeUrl: new URL(response.headers.get('location')!),
    cookie: cookiesOf(response),
  };
}

/** `GET /handler/frame` with the provider's redirect: the message the popup posts. */
export async function finishSignIn(
  callbackUrl: URL,
  cookie: string,
): Promise<{ message: WebMessage; cookie: string }> {
  const response = await fetch(callbackUrl, {
    headers: { cookie },
    redirect: 'manual',
  });
  const html = await response.text();
  const data = html.match(/decodeURIComponent\('([^']*)'\)/);
  if (!data) {
    throw new Error(`/handler/frame answered ${response.status}: ${html}`);
  }
  return {
    message: JSON.parse(decodeURIComponent(data[1])),
    cookie: cookiesOf(response),
  };
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * A person on the stand-in's consent page: opens the authorize URL, picks
 * `login` and presses Authorize (the form POST). Returns where the stand-in
 * redirects: the backend's `/handler/frame?code=...&state=...`.
 */
export async function consentAs(
  authorizeUrl: URL,
  login: string,
): Promise<URL> {
  const page = await fetch(authorizeUrl);
  const html = await page.text();
  if (page.status !== 200) {
    throw new Error(`The consent page answered ${page.status}: ${html}`);
  }
  const action = html.match(/<form method="post" action="([^"]*)"/);
  if (!action) {
    throw new Error(`No consent form in: ${html}`);
  }
  const form = new URLSearchParams();
  for (const [, name, value] of html.matchAll(
    /<input type="hidden" name="([^"]*)" value="([^"]*)">/g,
  )) {
    form.set(unescapeHtml(name), unescapeHtml(value));
  }
  form.set('login', login);
  form.set('authorize', '1');
  const answer = await fetch(new URL(unescapeHtml(action[1]), authorizeUrl), {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  const location = answer.headers.get('location');
  if (answer.status !== 302 || !location) {
    throw new Error(
      `Authorize answered ${answer.status}: ${await answer.text()}`,
    );
  }
  return new URL(location);
}

/**
 * The whole popup flow through a stand-in's consent page: `/start`, consent
 * as `login`, `/handler/frame`.
 */
export async function signInWithConsent(
  base: string,
  appUrl: string,
  login: string,
) {
  const { authorizeUrl, cookie } = await startSignIn(base, appUrl);
  const callback = await consentAs(authorizeUrl, login);
  return { authorizeUrl, ...(await finishSignIn(callback, cookie)) };
}

/**
 * The popup flow against a mocked provider: `/start`, then
 * `/handler/frame` with `code` and the state, as if the provider had
 * redirected back after consent.
 */
export async function signInWithCode(
  base: string,
  appUrl: string,
  code: string,
) {
  const { authorizeUrl, cookie } = await startSignIn(base, appUrl);
  const callback = new URL(authorizeUrl.searchParams.get('redirect_uri')!);
  callback.searchParams.set('code', code);
  callback.searchParams.set('state', authorizeUrl.searchParams.get('state')!);
  return { authorizeUrl, ...(await finishSignIn(callback, cookie)) };
}
