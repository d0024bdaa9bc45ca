import {
  coreServices,
  createBackendModule,
  type RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  orgSyncSourcesExtensionPoint,
  type OrgSourceFactory,
} from '@identity-portal/plugin-catalog-org-sync-node';

/**
 * A catalog module `moduleId` that adds the source factory `create` builds,
 * e.g. a real source factory with test timings, or a fake source type.
 *
 * @public
 */
export function createTestSourceModule(
  moduleId: string,
  create: (rootConfig: RootConfigService) => OrgSourceFactory,
) {
  return createBackendModule({
    pluginId: 'catalog',
    moduleId,
    register(env) {
      env.registerInit({
        deps: {
          sources: orgSyncSourcesExtensionPoint,
          rootConfig: coreServices.rootConfig,
        },
        async init({ sources, rootConfig }) {
          sources.addSourceFactory(create(rootConfig));
        },
      });
    },
  });
}
