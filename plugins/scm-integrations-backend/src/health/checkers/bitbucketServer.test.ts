import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { readBitbucketServerIntegrationConfig } from '@backstage/integration';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { checkCredential } from '../checkCredential';
import { bitbucketServerChecks } from './bitbucketServer';

const settings = { rateLimitWarning: 10, expiryWarningMs: 0, timeoutMs: 2000 };
const API = 'https://bitbucket.example.com/rest/api/1.0';

const checksOf = (config: object) =>
  bitbucketServerChecks(
    readBitbucketServerIntegrationConfig(
      new ConfigReader({ host: 'bitbucket.example.com', ...config }),
    ),
  );

describe('Bitbucket Server health check', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('checks a token without username through X-AUSERNAME on application-properties', async () => {
    server.use(
      http.get(`${API}/application-properties`, ({ request }) =>
        request.headers.get('authorization') === 'Bearer bbs-token-1'
          ? HttpResponse.json(
              { version: '8.19.0' },
              { headers: { 'x-ausername': 'portal-bot' } },
            )
          : HttpResponse.json({ version: '8.19.0' }),
      ),
    );
    const [good] = checksOf({ token: 'bbs-token-1' });
    expect(await checkCredential(good, [], settings)).toMatchObject({
      kind: 'personal-access-token',
      status: 'ok',
      login: 'portal-bot',
    });
    const [anonymous] = checksOf({ token: 'ignored-token' });
    expect(await checkCredential(anonymous, [], settings)).toMatchObject({
      status: 'error',
      message: 'answered anonymously: the token was not accepted',
    });
  });

  it('checks a username and password with GET /users/<username>', async () => {
    server.use(
      http.get(`${API}/users/portal-bot`, ({ request }) =>
        request.headers.get('authorization') ===
        `Basic ${Buffer.from('portal-bot:pw-123456').toString('base64')}`
          ? HttpResponse.json({ name: 'portal-bot', slug: 'portal-bot' })
          : HttpResponse.json(
              { errors: [{ message: 'Authentication failed.' }] },
              { status: 401 },
            ),
      ),
    );
    const [good] = checksOf({ username: 'portal-bot', password: 'pw-123456' });
    expect(await checkCredential(good, [], settings)).toMatchObject({
      kind: 'basic-auth',
      status: 'ok',
      login: 'portal-bot',
    });
    const [bad] = checksOf({
      username: 'portal-bot',
      password: 'old-password',
    });
    expect(await checkCredential(bad, [], settings)).toMatchObject({
      status: 'error',
      message: '401: token revoked or invalid',
    });
  });
});
