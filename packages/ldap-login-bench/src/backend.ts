import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import authPlugin from '@backstage/plugin-auth-backend';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import ldapModule from '@identity-portal/plugin-auth-backend-module-ldap-provider';
import knexFactory from 'knex';
import { createIndexedCatalog } from './indexedCatalog';

/** The real auth plugin with the LDAP module, an indexed catalog stand-in and SQLite. */
export async function startBenchBackend(options: {
  env: object;
  entities: Entity[];
}) {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const catalog = createIndexedCatalog(options.entities);
  const backend = await startTestBackend({
    features: [
      authPlugin,
      ldapModule,
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog as any,
      }),
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://127.0.0.1:3000' },
          auth: { providers: { ldap: { bench: options.env } } },
        },
      }),
    ],
  });
  const address = backend.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/api/auth/ldap/handler/frame?env=bench`,
    stop: () => backend.stop(),
  };
}
