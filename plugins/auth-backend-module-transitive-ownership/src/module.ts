import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { authOwnershipResolutionExtensionPoint } from '@backstage/plugin-auth-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readTransitiveOwnershipConfig } from './config/readTransitiveOwnershipConfig';
import { TransitiveOwnershipResolver } from './resolution/TransitiveOwnershipResolver';

/**
 * Makes ownership transitive for every sign-in provider: a user's `ent`
 * holds the user, its groups and all their ancestor groups (`spec.parent`).
 * Config: `auth.ownership.transitive`.
 *
 * @public
 */
export const authModuleTransitiveOwnership = createBackendModule({
  pluginId: 'auth',
  moduleId: 'transitive-ownership',
  register(reg) {
    reg.registerInit({
      deps: {
        ownership: authOwnershipResolutionExtensionPoint,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        cache: coreServices.cache,
        logger: coreServices.logger,
      },
      async init({ ownership, config, catalog, auth, cache, logger }) {
        ownership.setAuthOwnershipResolver(
          new TransitiveOwnershipResolver({
            catalog,
            auth,
            cache,
            logger: logger.child({ component: 'transitive-ownership' }),
            config: readTransitiveOwnershipConfig(config),
          }),
        );
      },
    });
  },
});
