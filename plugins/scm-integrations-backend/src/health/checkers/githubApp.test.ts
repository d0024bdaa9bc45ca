import { generateKeyPairSync } from 'node:crypto';
import { registerMswTestHooks } from '@backstage/backend-test-utils';
import type { IntegrationConsumer } from '@identity-portal/plugin-scm-integrations-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { checkCredential } from '../checkCredential';
import { commonPermissions, githubAppCheck } from './githubApp';

const settings = { rateLimitWarning: 10, expiryWarningMs: 0, timeoutMs: 2000 };
const API = 'https://ghe.example.com/api/v3';
const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
const orgSync: IntegrationConsumer = {
  integrationType: 'github',
  host: 'ghe.example.com',
  consumer: 'catalog.providers.orgSync.corp.sources.github.main',
  description: 'org sync',
  scopes: ['read:org'],
  appPermissions: { members: 'read' },
};

const app = (extra: object = {}) =>
  githubAppCheck({
    apiBaseUrl: API,
    app: {
      appId: 12,
      privateKey,
      clientId: 'Iv1.x',
      clientSecret: 'client-secret',
      ...extra,
    },
  });

describe('GitHub App health check', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const serve = (installations: object[]) =>
    server.use(
      http.get(`${API}/app`, () =>
        HttpResponse.json({ id: 12, slug: 'portal' }),
      ),
      http.get(`${API}/app/installations`, () =>
        HttpResponse.json(installations),
      ),
      http.post(`${API}/app/installations/:id/access_tokens`, () =>
        HttpResponse.json({
          token: 'ghs_x',
          expires_at: '2099-01-01T00:00:00Z',
        }),
      ),
      http.get(`${API}/rate_limit`, () =>
        HttpResponse.json({
          resources: {
            core: { limit: 15000, remaining: 14000, reset: 4070908800 },
          },
        }),
      ),
    );

  it('names the permission an installation did not grant and the consumer needing it', async () => {
    serve([
      {
        id: 1,
        account: { login: 'corp' },
        permissions: { members: 'read', metadata: 'read' },
      },
      { id: 2, account: { login: 'labs' }, permissions: { metadata: 'read' } },
    ]);
    expect(await checkCredential(app(), [orgSync], settings)).toMatchObject({
      label: 'GitHub App 12 (corp, labs)',
      status: 'error',
      message:
        'missing permission members:read needed by catalog.providers.orgSync.corp.sources.github.main',
      scopes: { granted: ['metadata:read'], missing: ['members:read'] },
      rateLimit: { limit: 15000, remaining: 14000 },
    });
  });

  it('only counts installations of allowedInstallationOwners', async () => {
    serve([
      { id: 1, account: { login: 'corp' }, permissions: { members: 'read' } },
    ]);
    expect(
      await checkCredential(
        app({ allowedInstallationOwners: ['elsewhere'] }),
        [orgSync],
        settings,
      ),
    ).toMatchObject({
      status: 'error',
      message: expect.stringContaining(
        'not installed for elsewhere (allowedInstallationOwners)',
      ),
    });
  });

  it('reports a private key that is not a key without showing it', async () => {
    const health = await checkCredential(
      app({
        privateKey: privateKey.replace(
          /(-----\n)[\s\S]+(\n-----END)/,
          '$1bm90IHJlYWxseQ==$2',
        ),
      }),
      [orgSync],
      settings,
    );
    expect(health).toMatchObject({
      status: 'error',
      message: 'the private key cannot be read as a PEM key',
    });
  });
});

describe('commonPermissions', () => {
  it('keeps what every installation granted, at the lowest level', () => {
    expect(
      commonPermissions([
        {
          id: 1,
          permissions: { members: 'write', contents: 'read', issues: 'write' },
        },
        { id: 2, permissions: { members: 'read', issues: 'admin' } },
      ]),
    ).toEqual(['issues:write', 'members:read']);
  });
});
