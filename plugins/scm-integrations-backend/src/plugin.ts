import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  actForUserPolicyOf,
  findIntegrationConsumers,
  readScmIntegrationsConfig,
  scmCredentialsServiceRef,
  validateIntegrationsConfig,
} from '@identity-portal/plugin-scm-integrations-node';
import { scmIntegrationsHealthReadPermission } from '@identity-portal/plugin-scm-integrations-common';
import { readHealthConfig } from './config/readHealthConfig';
import { readUserTokenSources } from './config/readUserTokenSources';
import { IntegrationsHealth } from './health/IntegrationsHealth';
import { listIntegrationHosts } from './health/integrationHosts';
import { HostDirectory } from './identity/hostDirectory';
import { createHealthRouter } from './router/createHealthRouter';
import { createIdentityRouter } from './router/createIdentityRouter';
import { HealthStore } from './store/HealthStore';
import { migrateHealthTables } from './store/migrations';

/**
 * The SCM integrations plugin: refuses to start on an `integrations:` config
 * that would make the portal unusable, and checks every integration
 * credential against its host on a schedule and on demand
 * (`/api/scm-integrations/health`); tells every signed-in user as whom the
 * portal acts for them on each host (`/hosts`, `/identity`).
 *
 * @public
 */
export const scmIntegrationsPlugin = createBackendPlugin({
  pluginId: 'scm-integrations',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        // The broker's root context validates `integrations:` once per backend (errors stop start-up
        // naming every key, warnings are logged once); the report lists the same problems.
        scmCredentials: scmCredentialsServiceRef,
      },
      async init(deps) {
        const { config, logger } = deps;
        const problems = validateIntegrationsConfig(config);
        const healthConfig = readHealthConfig(config);
        const ownConfig = readScmIntegrationsConfig(config);
        const consumers = findIntegrationConsumers(config);

        const knex = await deps.database.getClient();
        if (!deps.database.migrations?.skip) {
          await migrateHealthTables(knex);
        }
        const health = new IntegrationsHealth({
          hosts: listIntegrationHosts(config, consumers),
          consumers,
          problems,
          actForUser: host => actForUserPolicyOf(ownConfig, host),
          settings: {
            rateLimitWarning: healthConfig.rateLimitWarning,
            expiryWarningMs: healthConfig.expiryWarningMs,
            timeoutMs: healthConfig.checkTimeoutMs,
          },
          store: new HealthStore(knex),
          logger: logger.child({ task: 'scm-integrations-health' }),
        });

        await deps.scheduler.scheduleTask({
          id: 'scm-integrations-health',
          ...healthConfig.schedule,
          // One replica checks at a time; every replica serves the stored report.
          scope: 'global',
          fn: async () => {
            await health.check();
          },
        });
        deps.permissionsRegistry.addPermissions([
          scmIntegrationsHealthReadPermission,
        ]);
        deps.httpRouter.use(
          createHealthRouter({
            health,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
          }),
        );
        deps.httpRouter.use(
          createIdentityRouter({
            hosts: HostDirectory.fromConfig(config, {
              actForUser: host => actForUserPolicyOf(ownConfig, host),
              userTokenSources: readUserTokenSources(config),
            }),
            scmCredentials: deps.scmCredentials,
            httpAuth: deps.httpAuth,
            logger: logger.child({ feature: 'scm-identity' }),
            timeoutMs: healthConfig.checkTimeoutMs,
          }),
        );
      },
    });
  },
});
