import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { readAzureIntegrationConfig } from '@backstage/integration';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { checkCredential } from '../checkCredential';
import { azureChecks } from './azure';

const settings = { rateLimitWarning: 10, expiryWarningMs: 0, timeoutMs: 2000 };
const basicPat = (pat: string) =>
  `Basic ${Buffer.from(`:${pat}`).toString('base64')}`;

describe('Azure DevOps health check', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const checks = azureChecks(
    readAzureIntegrationConfig(
      new ConfigReader({
        host: 'dev.azure.com',
        credentials: [
          { organizations: ['contoso'], personalAccessToken: 'azure-pat-good' },
          {
            organizations: ['fabrikam'],
            personalAccessToken: 'azure-pat-stale',
          },
          {
            organizations: ['other'],
            clientId: 'app-id',
            clientSecret: 'app-secret',
            tenantId: 'tenant',
          },
        ],
      }),
    ),
  );

  it('checks each PAT on its first organization with connectionData', async () => {
    server.use(
      http.get(
        'https://dev.azure.com/:org/_apis/connectionData',
        ({ request }) =>
          request.headers.get('authorization') === basicPat('azure-pat-good')
            ? HttpResponse.json({
                authenticatedUser: {
                  providerDisplayName: 'Portal Bot',
                  properties: { Account: { $value: 'portal-bot@contoso.com' } },
                },
              })
            : // Azure DevOps answers a refused PAT with 203 and its sign-in page.
              new HttpResponse('<html>Sign in</html>', {
                status: 203,
                headers: { 'content-type': 'text/html' },
              }),
      ),
    );
    const [good, stale] = checks;
    expect(good.label).toMatch(
      /^personal access token …[0-9a-f]{4} \(contoso\)$/,
    );
    expect(await checkCredential(good, [], settings)).toMatchObject({
      id: 'credentials[0]',
      kind: 'azure-pat',
      status: 'ok',
      login: 'portal-bot@contoso.com',
    });
    expect(await checkCredential(stale, [], settings)).toMatchObject({
      status: 'error',
      message: '401: token revoked or invalid',
    });
  });

  it('leaves Microsoft Entra credentials unchecked', async () => {
    expect(await checkCredential(checks[2], [], settings)).toMatchObject({
      kind: 'azure-client-secret',
      status: 'unchecked',
    });
  });
});
