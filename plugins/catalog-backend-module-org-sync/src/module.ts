import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { metricsServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  orgSyncPermissions,
  orgSyncSourcesExtensionPoint,
  type OrgSourceFactory,
} from '@identity-portal/plugin-catalog-org-sync-node';
import { readOrgSyncConfig } from './config/readOrgSyncConfig';
import { createSources } from './config/createSources';
import { OrgSyncMetrics } from './metrics/OrgSyncMetrics';
import { OrgSyncEntityProvider } from './provider/OrgSyncEntityProvider';
import { findRetainedProviders } from './provider/findRetainedProviders';
import { createOrgSyncRouter } from './router/createOrgSyncRouter';
import { migrateOrgSyncTables } from './store/migrations';
import { SnapshotStore } from './store/SnapshotStore';
import { StatusStore } from './store/StatusStore';

/**
 * The org sync engine: one catalog entity provider per
 * `catalog.providers.orgSync.<id>`, fed by the source modules installed next
 * to it (LDAP, GitHub, GitLab).
 *
 * @public
 */
export const catalogModuleOrgSync = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'org-sync',
  register(env) {
    const factories = new Map<string, OrgSourceFactory>();
    env.registerExtensionPoint(orgSyncSourcesExtensionPoint, {
      addSourceFactory(factory) {
        if (factories.has(factory.type)) {
          throw new Error(
            `An org sync source type '${factory.type}' was already added`,
          );
        }
        factories.set(factory.type, factory);
      },
    });

    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        metrics: metricsServiceRef,
      },
      async init(deps) {
        const configs = readOrgSyncConfig(deps.config);
        const logger = deps.logger.child({ module: 'org-sync' });
        const knex = await deps.database.getClient();
        if (!deps.database.migrations?.skip) {
          await migrateOrgSyncTables(knex);
        }
        const snapshots = new SnapshotStore(knex);
        const statuses = new StatusStore(knex);
        const metrics = new OrgSyncMetrics(deps.metrics);

        const retained = await findRetainedProviders({
          configuredIds: configs.map(c => c.id),
          snapshots,
          logger,
        });
        const providers = configs.map(
          config =>
            new OrgSyncEntityProvider({
              config,
              sources: createSources(config, factories, logger),
              snapshots,
              statuses,
              scheduler: deps.scheduler,
              metrics,
              logger,
              directory: {
                activeIds: except =>
                  configs.map(c => c.id).filter(id => id !== except),
                orphanIds: () => retained.map(r => r.id),
              },
            }),
        );
        deps.catalog.addEntityProvider([...providers, ...retained]);
        deps.permissionsRegistry.addPermissions(orgSyncPermissions);
        deps.httpRouter.use(
          createOrgSyncRouter({
            providers,
            retained,
            snapshots,
            statuses,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
          }),
        );
      },
    });
  },
});
