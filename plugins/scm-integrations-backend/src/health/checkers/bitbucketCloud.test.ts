import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { readBitbucketCloudIntegrationConfig } from '@backstage/integration';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { checkCredential } from '../checkCredential';
import { bitbucketCloudChecks } from './bitbucketCloud';

const settings = { rateLimitWarning: 10, expiryWarningMs: 0, timeoutMs: 2000 };
const basic = (user: string, secret: string) =>
  `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

const checksOf = (config: object) =>
  bitbucketCloudChecks(
    readBitbucketCloudIntegrationConfig(new ConfigReader(config)),
  );

describe('Bitbucket Cloud health check', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('checks a username and app password with GET /2.0/user', async () => {
    server.use(
      http.get('https://api.bitbucket.org/2.0/user', ({ request }) =>
        request.headers.get('authorization') ===
        basic('portal-bot', 'app-pass-1')
          ? HttpResponse.json({
              username: 'portal-bot',
              display_name: 'Portal Bot',
            })
          : HttpResponse.json({ type: 'error' }, { status: 401 }),
      ),
    );
    const [check] = checksOf({
      username: 'portal-bot',
      appPassword: 'app-pass-1',
    });
    expect(check).toMatchObject({
      id: 'app-password',
      kind: 'bitbucket-app-password',
    });
    expect(await checkCredential(check, [], settings)).toMatchObject({
      status: 'ok',
      message: 'works as portal-bot',
      login: 'portal-bot',
    });

    const [wrong] = checksOf({
      username: 'portal-bot',
      appPassword: 'stale-pass',
    });
    expect(await checkCredential(wrong, [], settings)).toMatchObject({
      status: 'error',
      message: '401: token revoked or invalid',
    });
  });

  it('checks an OAuth consumer through the client credentials grant', async () => {
    server.use(
      http.post(
        'https://bitbucket.org/site/oauth2/access_token',
        async ({ request }) =>
          request.headers.get('authorization') === basic('key', 'secret') &&
          (await request.text()) === 'grant_type=client_credentials'
            ? HttpResponse.json({
                access_token: 'at-1',
                scopes: 'repository account',
              })
            : HttpResponse.json({ error: 'invalid_client' }, { status: 400 }),
      ),
      http.get('https://api.bitbucket.org/2.0/user', ({ request }) =>
        request.headers.get('authorization') === 'Bearer at-1'
          ? HttpResponse.json({ username: 'workspace-owner' })
          : HttpResponse.json({}, { status: 401 }),
      ),
    );
    const [check] = checksOf({ clientId: 'key', clientSecret: 'secret' });
    expect(await checkCredential(check, [], settings)).toMatchObject({
      kind: 'bitbucket-oauth-client',
      status: 'ok',
      login: 'workspace-owner',
      scopes: { granted: ['repository', 'account'] },
    });
  });

  it('has nothing to check without credentials', () => {
    expect(checksOf({})).toEqual([]);
  });
});
