import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import authPlugin from '@backstage/plugin-auth-backend';
import guestProvider from '@backstage/plugin-auth-backend-module-guest-provider';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { demoGroups, user } from './__testUtils__/orgEntities';
import { authModuleTransitiveOwnership } from './module';

async function start(transitive: object = {}) {
  return startTestBackend({
    features: [
      authPlugin,
      guestProvider,
      authModuleTransitiveOwnership,
      catalogServiceMock.factory({
        entities: [...demoGroups, user('lnowak', ['sre'])],
      }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://127.0.0.1:3000' },
          auth: {
            ownership: { transitive },
            providers: {
              guest: {
                userEntityRef: 'user:default/lnowak',
                dangerouslyAllowOutsideDevelopment: true,
              },
            },
          },
        },
      }),
    ],
  });
}

describe('authModuleTransitiveOwnership', () => {
  it('puts the ancestor groups into the ent of a token issued by a provider', async () => {
    const backend = await start();
    try {
      const address = backend.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const response = await fetch(
        `http://127.0.0.1:${port}/api/auth/guest/refresh?env=development`,
        { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
      );
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.backstageIdentity.identity).toEqual({
        type: 'user',
        userEntityRef: 'user:default/lnowak',
        ownershipEntityRefs: [
          'user:default/lnowak',
          'group:default/sre',
          'group:default/platform-team',
          'group:default/engineering',
        ],
      });
    } finally {
      await backend.stop();
    }
  });

  it('fails start-up on invalid config, naming the key', async () => {
    await expect(start({ maxDepth: -1 })).rejects.toThrow(
      'auth.ownership.transitive.maxDepth',
    );
  });
});
