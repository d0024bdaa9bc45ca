import { loadDemoOrg } from '@internal/demo-org';
import { consent, getJson } from '../__testUtils__/http';
import { RunningStandin } from '../types';
import { githubFixtureFromDemoOrg } from './demoFixture';
import { startGithubStandin } from './server';

const REDIRECT = 'http://127.0.0.1:7007/api/auth/github/handler/frame';

describe('GitHub stand-in OAuth', () => {
  let standin: RunningStandin;

  beforeAll(async () => {
    standin = await startGithubStandin({
      fixture: githubFixtureFromDemoOrg(loadDemoOrg()),
    });
  });

  afterAll(() => standin.stop());

  const authorizeUrl = (params: Record<string, string>) =>
    `${standin.url}/login/oauth/authorize?${new URLSearchParams(params)}`;

  const exchange = (
    fields: Record<string, string>,
    accept = 'application/json',
  ) =>
    fetch(`${standin.url}/login/oauth/access_token`, {
      method: 'POST',
      headers: {
        accept,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(fields).toString(),
    });

  it('renders a consent page listing org members and the outsider', async () => {
    const response = await fetch(
      authorizeUrl({ client_id: 'demo-github-client', redirect_uri: REDIRECT }),
    );
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('Sign in to the GitHub stand-in');
    expect(html).toContain('<select id="login" name="login">');
    expect(html).toContain('value="zoe-hoffmann"');
    expect(html).toContain('value="outsider-octocat"');
    expect(html).toMatch(/<button[^>]*>Authorize<\/button>/);
  });

  it('refuses an unknown client and a missing redirect_uri', async () => {
    const unknown = await fetch(
      authorizeUrl({ client_id: 'someone-else', redirect_uri: REDIRECT }),
    );
    expect(unknown.status).toBe(404);
    const noRedirect = await fetch(
      authorizeUrl({ client_id: 'demo-github-client' }),
    );
    expect(noRedirect.status).toBe(400);
  });

  it('runs the web flow: consent, code, token, user and emails', async () => {
    const redirect = await consent(
      authorizeUrl({
        client_id: 'demo-github-client',
        redirect_uri: REDIRECT,
        scope: 'read:user,user:email',
        state: 'state-123',
      }),
      'zoe-hoffmann',
    );
    expect(`${redirect.origin}${redirect.pathname}`).toBe(REDIRECT);
    expect(redirect.searchParams.get('state')).toBe('state-123');
    const code = redirect.searchParams.get('code')!;

    const tokenResponse = await exchange({
      client_id: 'demo-github-client',
      client_secret: 'demo-github-secret',
      code,
      redirect_uri: REDIRECT,
    });
    const token = await tokenResponse.json();
    expect(token).toEqual({
      access_token: expect.stringMatching(/^gho_/),
      token_type: 'bearer',
      scope: 'read:user,user:email',
    });

    const user = await getJson(
      `${standin.url}/api/v3/user`,
      token.access_token,
    );
    expect(user.status).toBe(200);
    expect(user.headers.get('x-oauth-scopes')).toBe('read:user, user:email');
    expect(user.body).toMatchObject({
      id: 10001,
      node_id: 'MDQ6VXNlcjEwMDAx',
      login: 'zoe-hoffmann',
      name: 'Zoë Hoffmann',
      email: 'zoe.hoffmann@example.com',
      html_url: `${standin.url}/zoe-hoffmann`,
      avatar_url: expect.stringContaining(standin.url),
    });

    const emails = await getJson(
      `${standin.url}/api/v3/user/emails`,
      token.access_token,
    );
    expect(emails.body).toEqual([
      {
        email: 'zoe.hoffmann@example.com',
        primary: true,
        verified: true,
        visibility: 'public',
      },
    ]);

    const reused = await exchange({
      client_id: 'demo-github-client',
      client_secret: 'demo-github-secret',
      code,
    });
    expect(await reused.json()).toMatchObject({
      error: 'bad_verification_code',
    });
  });

  it('answers form-encoded without Accept: application/json, and checks the secret', async () => {
    const redirect = await consent(
      authorizeUrl({ client_id: 'demo-github-client', redirect_uri: REDIRECT }),
      'outsider-octocat',
    );
    const code = redirect.searchParams.get('code')!;
    const wrongSecret = await exchange(
      { client_id: 'demo-github-client', client_secret: 'nope', code },
      '*/*',
    );
    expect(new URLSearchParams(await wrongSecret.text()).get('error')).toBe(
      'incorrect_client_credentials',
    );

    const redirect2 = await consent(
      authorizeUrl({ client_id: 'demo-github-client', redirect_uri: REDIRECT }),
      'outsider-octocat',
    );
    const response = await exchange(
      {
        client_id: 'demo-github-client',
        client_secret: 'demo-github-secret',
        code: redirect2.searchParams.get('code')!,
      },
      '*/*',
    );
    expect(response.headers.get('content-type')).toContain(
      'application/x-www-form-urlencoded',
    );
    const fields = new URLSearchParams(await response.text());
    const accessToken = fields.get('access_token')!;
    expect(fields.get('token_type')).toBe('bearer');

    const user = await getJson(`${standin.url}/api/v3/user`, accessToken);
    expect(user.body).toMatchObject({
      id: 19999,
      login: 'outsider-octocat',
      email: 'outsider@elsewhere.test',
    });
    // No user:email scope granted: the email list is not readable.
    const emails = await getJson(
      `${standin.url}/api/v3/user/emails`,
      accessToken,
    );
    expect(emails.status).toBe(404);
  });

  it('returns the PAT owner with its scopes and refuses bad tokens', async () => {
    const user = await getJson(
      `${standin.url}/api/v3/user`,
      'demo-github-token',
    );
    expect(user.body.login).toBe('zoe-hoffmann');
    expect(user.headers.get('x-oauth-scopes')).toBe(
      'read:org, read:user, user:email',
    );
    const bad = await getJson(`${standin.url}/api/v3/user`, 'wrong');
    expect(bad.status).toBe(401);
    expect(bad.body.message).toBe('Bad credentials');
    const none = await getJson(`${standin.url}/api/v3/user`);
    expect(none.status).toBe(401);
  });
});
