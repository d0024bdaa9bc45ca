import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { authProvidersExtensionPoint } from '@backstage/plugin-auth-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { createLdapProviderFactory } from './factory';
import { migrateSessionTables } from './session/migrations';
import { SessionStore } from './session/SessionStore';

/**
 * Adds the `ldap` sign-in provider (LDAP and Active Directory) to the auth
 * backend: username and password checked by search-then-bind or direct bind,
 * a server-side session behind an httpOnly cookie, throttling per username
 * and client address. Config: `auth.providers.ldap.<env>`.
 *
 * @public
 */
export const authModuleLdapProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'ldap-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        database: coreServices.database,
        cache: coreServices.cache,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init({
        providers,
        database,
        cache,
        logger,
        scheduler,
        catalog,
        auth,
      }) {
        const knex = await database.getClient();
        if (!database.migrations?.skip) {
          await migrateSessionTables(knex);
        }
        const sessions = new SessionStore(knex);
        await scheduler.scheduleTask({
          id: 'ldap-auth-session-cleanup',
          frequency: { minutes: 30 },
          timeout: { minutes: 1 },
          initialDelay: { minutes: 1 },
          fn: async () => {
            const purged = await sessions.purgeExpired();
            if (purged > 0) {
              logger.info(`Purged ${purged} expired LDAP sessions`);
            }
          },
        });
        providers.registerProvider({
          providerId: 'ldap',
          factory: createLdapProviderFactory({
            sessions,
            cache,
            logger,
            catalog,
            auth,
          }),
        });
      },
    });
  },
});
