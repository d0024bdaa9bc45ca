import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  authProvidersExtensionPoint,
  PassportProfile,
} from '@backstage/plugin-auth-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import type { ResolverSetting } from '../config/readScmAuthConfig';
import {
  createScmProviderFactory,
  ScmProvider,
} from './createScmProviderFactory';

/**
 * An auth backend module that registers `provider` as `providerId`
 * (config `auth.providers.<providerId>.<env>`), with the logger, catalog and
 * auth services the resolvers and the warn line need.
 */
export function createScmProviderModule<
  TProfile extends PassportProfile,
  TSettings extends { resolvers: ResolverSetting[] },
>(options: {
  moduleId: string;
  providerId: string;
  provider: ScmProvider<TProfile, TSettings>;
}) {
  return createBackendModule({
    pluginId: 'auth',
    moduleId: options.moduleId,
    register(reg) {
      reg.registerInit({
        deps: {
          providers: authProvidersExtensionPoint,
          logger: coreServices.logger,
          catalog: catalogServiceRef,
          auth: coreServices.auth,
        },
        async init({ providers, logger, catalog, auth }) {
          providers.registerProvider({
            providerId: options.providerId,
            factory: createScmProviderFactory(
              { logger, catalog, auth },
              options.provider,
            ),
          });
        },
      });
    },
  });
}
