import { loadDemoOrg } from '@internal/demo-org';
import { consent, getJson } from '../__testUtils__/http';
import { RunningStandin } from '../types';
import { gitlabFixtureFromDemoOrg } from './demoFixture';
import { startGitlabStandin } from './server';

const REDIRECT = 'http://127.0.0.1:7007/api/auth/gitlab/handler/frame';

describe('GitLab stand-in OAuth', () => {
  let standin: RunningStandin;

  beforeAll(async () => {
    standin = await startGitlabStandin({
      fixture: gitlabFixtureFromDemoOrg(loadDemoOrg()),
    });
  });

  afterAll(() => standin.stop());

  const authorizeUrl = (params: Record<string, string>) =>
    `${standin.url}/oauth/authorize?${new URLSearchParams(params)}`;

  const token = async (fields: Record<string, string>) => {
    const response = await fetch(`${standin.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: response.status, body: await response.json() };
  };

  it('renders a consent page and validates client_id and redirect_uri', async () => {
    const page = await fetch(
      authorizeUrl({
        client_id: 'demo-gitlab-client',
        redirect_uri: REDIRECT,
        response_type: 'code',
      }),
    );
    const html = await page.text();
    expect(html).toContain('Sign in to the GitLab stand-in');
    expect(html).toContain('value="zhoffmann"');
    expect(html).toContain('value="outsider"');
    expect(
      (await fetch(authorizeUrl({ client_id: 'x', redirect_uri: REDIRECT })))
        .status,
    ).toBe(401);
    expect(
      (await fetch(authorizeUrl({ client_id: 'demo-gitlab-client' }))).status,
    ).toBe(400);
  });

  it('runs the code flow, then the refresh grant, and serves the user', async () => {
    const redirect = await consent(
      authorizeUrl({
        client_id: 'demo-gitlab-client',
        redirect_uri: REDIRECT,
        response_type: 'code',
        scope: 'read_user',
        state: 's1',
      }),
      'zhoffmann',
    );
    expect(redirect.searchParams.get('state')).toBe('s1');
    const code = redirect.searchParams.get('code')!;
    const issued = await token({
      grant_type: 'authorization_code',
      client_id: 'demo-gitlab-client',
      client_secret: 'demo-gitlab-secret',
      code,
      redirect_uri: REDIRECT,
    });
    expect(issued.body).toEqual({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 7200,
      scope: 'read_user',
      created_at: expect.any(Number),
    });

    const user = await getJson(
      `${standin.url}/api/v4/user`,
      issued.body.access_token,
    );
    expect(user.body).toMatchObject({
      id: 20001,
      username: 'zhoffmann',
      name: 'Zoë Hoffmann',
      email: 'zoe.hoffmann@example.com',
      state: 'active',
      web_url: `${standin.url}/zhoffmann`,
    });
    // read_user does not open the group API.
    const groups = await getJson(
      `${standin.url}/api/v4/groups/example-corp`,
      issued.body.access_token,
    );
    expect(groups.status).toBe(403);

    const info = await getJson(
      `${standin.url}/oauth/token/info`,
      issued.body.access_token,
    );
    expect(info.body).toMatchObject({
      resource_owner_id: 20001,
      scope: ['read_user'],
      application: { uid: 'demo-gitlab-client' },
    });

    const reused = await token({
      grant_type: 'authorization_code',
      client_id: 'demo-gitlab-client',
      client_secret: 'demo-gitlab-secret',
      code,
      redirect_uri: REDIRECT,
    });
    expect(reused).toEqual({
      status: 400,
      body: expect.objectContaining({ error: 'invalid_grant' }),
    });

    const refreshed = await token({
      grant_type: 'refresh_token',
      client_id: 'demo-gitlab-client',
      client_secret: 'demo-gitlab-secret',
      refresh_token: issued.body.refresh_token,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.access_token).not.toBe(issued.body.access_token);
    expect(
      (await getJson(`${standin.url}/api/v4/user`, issued.body.access_token))
        .status,
    ).toBe(401);
    expect(
      (await getJson(`${standin.url}/api/v4/user`, refreshed.body.access_token))
        .body.username,
    ).toBe('zhoffmann');
  });

  it('refuses wrong client secrets and accepts the demo PAT', async () => {
    const wrong = await token({
      grant_type: 'authorization_code',
      client_id: 'demo-gitlab-client',
      client_secret: 'nope',
      code: 'x',
      redirect_uri: REDIRECT,
    });
    expect(wrong).toEqual({
      status: 401,
      body: expect.objectContaining({ error: 'invalid_client' }),
    });
    const self = await fetch(
      `${standin.url}/api/v4/personal_access_tokens/self`,
      { headers: { 'private-token': 'demo-gitlab-token' } },
    );
    expect(await self.json()).toMatchObject({
      scopes: ['read_api', 'read_user'],
      active: true,
      revoked: false,
    });
    expect((await getJson(`${standin.url}/api/v4/user`, 'bad')).status).toBe(
      401,
    );
  });
});
