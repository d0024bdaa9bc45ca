/** POSTs a GraphQL query to a GitHub stand-in. */
export async function graphql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token = 'demo-github-token',
): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(`${url}/api/graphql`, {
    method: 'POST',
    headers: {
      authorization: `bearer ${token}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: await response.json(),
  };
}

/** GETs a JSON API path with a token. */
export async function getJson(
  url: string,
  token?: string,
): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(url, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: response.headers.get('content-type')?.includes('json')
      ? JSON.parse(text)
      : text,
  };
}

/** Submits the consent form of a stand-in's authorize page; returns the redirect. */
export async function consent(
  authorizeUrl: string,
  login: string,
): Promise<URL> {
  const page = await fetch(authorizeUrl);
  const html = await page.text();
  if (page.status !== 200) {
    throw new Error(`authorize page answered ${page.status}: ${html}`);
  }
  const form = new URLSearchParams();
  for (const match of html.matchAll(
    /<input type="hidden" name="([^"]+)" value="([^"]*)">/g,
  )) {
    form.set(match[1], decodeEntities(match[2]));
  }
  form.set('login', login);
  const action = /<form method="post" action="([^"]+)"/.exec(html)![1];
  const response = await fetch(new URL(action, authorizeUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
  if (response.status !== 302) {
    throw new Error(
      `consent answered ${response.status}: ${await response.text()}`,
    );
  }
  return new URL(response.headers.get('location')!);
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
