import { generateKeyPairSync, sign } from 'node:crypto';
import { loadDemoOrg } from '@internal/demo-org';
import { getJson, graphql } from '../__testUtils__/http';
import { githubFixtureFromDemoOrg } from './demoFixture';
import { startGithubStandin } from './server';
import { RunningStandin } from '../types';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privateKeyPem = privateKey
  .export({ type: 'pkcs8', format: 'pem' })
  .toString();
const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

function appJwt(appId: number, key = privateKey, expiresIn = 600): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) =>
    Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode({
    iat: now - 60,
    exp: now + expiresIn,
    iss: appId,
  })}`;
  return `${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), key).toString(
    'base64url',
  )}`;
}

describe('GitHub stand-in GitHub App', () => {
  let standin: RunningStandin;

  beforeAll(async () => {
    standin = await startGithubStandin({
      fixture: {
        ...githubFixtureFromDemoOrg(loadDemoOrg()),
        apps: [
          {
            appId: 42,
            slug: 'portal-app',
            privateKeyPem,
            installations: [{ id: 4242, account: 'example-corp' }],
          },
        ],
      },
    });
  });

  afterAll(() => standin.stop());

  it('lists installations and issues installation tokens for a signed JWT', async () => {
    const jwt = appJwt(42);
    const app = await getJson(`${standin.url}/api/v3/app`, jwt);
    expect(app.body).toMatchObject({ id: 42, slug: 'portal-app' });
    const installations = await getJson(
      `${standin.url}/api/v3/app/installations`,
      jwt,
    );
    expect(installations.body).toEqual([
      expect.objectContaining({
        id: 4242,
        account: expect.objectContaining({ login: 'example-corp' }),
      }),
    ]);
    const response = await fetch(
      `${standin.url}/api/v3/app/installations/4242/access_tokens`,
      { method: 'POST', headers: { authorization: `Bearer ${jwt}` } },
    );
    expect(response.status).toBe(201);
    const { token } = await response.json();
    const { body } = await graphql(
      standin.url,
      '{ organization(login: "example-corp") { membersWithRole(first: 1) { totalCount } } }',
      {},
      token,
    );
    expect(body.data.organization.membersWithRole.totalCount).toBeGreaterThan(
      0,
    );
  });

  it('refuses JWTs signed by another key, expired or for an unknown app', async () => {
    for (const jwt of [
      appJwt(42, other),
      appJwt(42, privateKey, -10),
      appJwt(7),
    ]) {
      const response = await getJson(`${standin.url}/api/v3/app`, jwt);
      expect(response.status).toBe(401);
    }
  });
});
