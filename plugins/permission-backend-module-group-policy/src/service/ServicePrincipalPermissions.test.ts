import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { demoPolicy } from '../__testUtils__/fixtures';
import { permissionModuleGroupPolicy } from '../module';
import { groupPolicyPermissionsServiceFactory } from './groupPolicyPermissionsServiceFactory';

describe('service principals bound to roles', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let base: string;

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        permissionPlugin,
        permissionModuleGroupPolicy,
        groupPolicyPermissionsServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            permission: {
              enabled: true,
              groupPolicy: {
                ...demoPolicy,
                bindings: [
                  ...demoPolicy.bindings,
                  { role: 'registrar', members: ['service:ci-bot'] },
                  { role: 'viewer', members: ['service:plugin:search'] },
                ],
              },
            },
            catalog: { rules: [{ allow: ['Component', 'Location'] }] },
          },
        }),
      ],
    });
    const { port } = backend.server.address() as { port: number };
    base = `http://localhost:${port}/api/catalog`;
  });

  afterAll(() => backend?.stop());

  const register = (subject: string, name: string) =>
    fetch(`${base}/locations`, {
      method: 'POST',
      headers: {
        Authorization: mockCredentials.service.header({
          onBehalfOf: mockCredentials.service(subject),
          targetPluginId: 'catalog',
        }),
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        type: 'url',
        target: `https://example.com/${name}.yaml`,
      }),
    });

  it('lets the policy decide for a bound service and keeps the default for unbound ones', async () => {
    // ci-bot is a registrar; the search plugin is only a viewer.
    expect((await register('ci-bot', 'a')).status).toBe(201);
    expect((await register('plugin:search', 'b')).status).toBe(403);
    // Not bound at all: Backstage's default for service principals (allowed).
    expect((await register('plugin:scaffolder', 'c')).status).toBe(201);
  });
});
