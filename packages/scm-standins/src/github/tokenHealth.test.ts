import { generateKeyPairSync, sign } from 'node:crypto';
import { loadDemoOrg } from '@internal/demo-org';
import { getJson } from '../__testUtils__/http';
import { githubFixtureFromDemoOrg } from './demoFixture';
import { startGithubStandin } from './server';
import { RunningStandin } from '../types';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

function appJwt(appId: number): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) =>
    Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode({
    iat: now - 60,
    exp: now + 600,
    iss: appId,
  })}`;
  return `${unsigned}.${sign(
    'RSA-SHA256',
    Buffer.from(unsigned),
    privateKey,
  ).toString('base64url')}`;
}

describe('GitHub stand-in token health answers', () => {
  let standin: RunningStandin;

  beforeAll(async () => {
    const fixture = githubFixtureFromDemoOrg(loadDemoOrg());
    const owner = fixture.tokens[0].login;
    fixture.tokens.push(
      {
        token: 'expiring-token',
        login: owner,
        scopes: ['read:org'],
        expiresAt: '2099-03-01T12:30:00.000Z',
      },
      {
        token: 'expired-token',
        login: owner,
        scopes: ['read:org'],
        expiresAt: '2020-01-01T00:00:00.000Z',
      },
      {
        token: 'github_pat_fine',
        login: owner,
        scopes: ['read:org'],
        fineGrained: true,
      },
    );
    standin = await startGithubStandin({
      fixture: {
        ...fixture,
        apps: [
          {
            appId: 7,
            slug: 'portal-app',
            name: 'Identity Portal',
            privateKeyPem: privateKey
              .export({ type: 'pkcs8', format: 'pem' })
              .toString(),
            permissions: { members: 'read', contents: 'read' },
            installations: [
              { id: 70, account: 'example-corp' },
              {
                id: 71,
                account: 'other-org',
                permissions: { contents: 'read' },
              },
            ],
          },
        ],
      },
    });
  });

  afterEach(() => standin.faults.clear());
  afterAll(() => standin.stop());

  it('sends the scopes and, for an expiring token, its expiry in GitHub format', async () => {
    const demo = await getJson(
      `${standin.url}/api/v3/user`,
      'demo-github-token',
    );
    expect(demo.headers.get('x-oauth-scopes')).toBe(
      'read:org, read:user, user:email',
    );
    expect(
      Date.parse(
        demo.headers
          .get('github-authentication-token-expiration')!
          .replace(' UTC', 'Z')
          .replace(' ', 'T'),
      ),
    ).toBeGreaterThan(Date.now() + 80 * 24 * 3600 * 1000);

    const expiring = await getJson(
      `${standin.url}/api/v3/user`,
      'expiring-token',
    );
    expect(expiring.headers.get('github-authentication-token-expiration')).toBe(
      '2099-03-01 12:30:00 UTC',
    );
    const expired = await getJson(
      `${standin.url}/api/v3/user`,
      'expired-token',
    );
    expect(expired.status).toBe(401);
  });

  it('sends no scopes for a fine-grained token', async () => {
    const fine = await getJson(`${standin.url}/api/v3/user`, 'github_pat_fine');
    expect(fine.status).toBe(200);
    expect(fine.headers.has('x-oauth-scopes')).toBe(false);
  });

  it('answers a revoked token with 401 Bad credentials', async () => {
    standin.faults.set({ revokedTokens: ['demo-github-token'] });
    const user = await getJson(
      `${standin.url}/api/v3/user`,
      'demo-github-token',
    );
    expect(user.status).toBe(401);
    expect(user.body).toMatchObject({ message: 'Bad credentials' });
    standin.faults.clear();
    const again = await getJson(
      `${standin.url}/api/v3/user`,
      'demo-github-token',
    );
    expect(again.status).toBe(200);
  });

  it('reports the rate limit on /rate_limit, following the primary rate-limit switch', async () => {
    const normal = await getJson(
      `${standin.url}/api/v3/rate_limit`,
      'demo-github-token',
    );
    expect(normal.body.resources.core).toMatchObject({ limit: 5000 });
    expect(normal.body.rate).toEqual(normal.body.resources.core);

    standin.faults.set({ primaryRateLimitRemaining: 20 });
    const low = await getJson(
      `${standin.url}/api/v3/rate_limit`,
      'demo-github-token',
    );
    expect(low.body.resources.core).toMatchObject({
      limit: 5000,
      remaining: 19,
      used: 4981,
    });
    expect(low.headers.get('x-ratelimit-remaining')).toBe('19');
  });

  it('describes the app and what each installation granted', async () => {
    const jwt = appJwt(7);
    const app = await getJson(`${standin.url}/api/v3/app`, jwt);
    expect(app.body).toMatchObject({
      id: 7,
      slug: 'portal-app',
      name: 'Identity Portal',
      owner: { login: 'example-corp' },
      permissions: { members: 'read', contents: 'read' },
    });
    const installations = await getJson(
      `${standin.url}/api/v3/app/installations`,
      jwt,
    );
    expect(
      installations.body.map((i: any) => [i.account.login, i.permissions]),
    ).toEqual([
      ['example-corp', { members: 'read', contents: 'read' }],
      ['other-org', { contents: 'read' }],
    ]);
    const issued = await fetch(
      `${standin.url}/api/v3/app/installations/71/access_tokens`,
      { method: 'POST', headers: { authorization: `Bearer ${jwt}` } },
    );
    const token = await issued.json();
    expect(token.permissions).toEqual({ contents: 'read' });
    expect(Date.parse(token.expires_at)).toBeGreaterThan(Date.now());
    const limits = await getJson(
      `${standin.url}/api/v3/rate_limit`,
      token.token,
    );
    expect(limits.status).toBe(200);
  });
});
