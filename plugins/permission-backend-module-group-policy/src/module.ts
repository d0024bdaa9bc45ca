import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { readGroupPolicyConfig } from './config/readGroupPolicyConfig';
import { watchPolicy } from './config/watchPolicy';
import { GroupPolicy } from './engine/GroupPolicy';
import { PolicyEngine } from './engine/PolicyEngine';
import { OrgGraphLoader } from './graph/OrgGraphLoader';
import { PermissionDirectory } from './permissions/PermissionDirectory';
import { createRouter } from './router/createRouter';

/**
 * The group/role permission policy: roles and bindings from
 * `permission.groupPolicy`, transitive groups from an in-memory org graph,
 * explain routes under `/api/permission/group-policy`.
 *
 * @public
 */
export const permissionModuleGroupPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'group-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        discovery: coreServices.discovery,
        auditor: coreServices.auditor,
        lifecycle: coreServices.lifecycle,
      },
      async init(deps) {
        const { config, scheduler, lifecycle } = deps;
        const logger = deps.logger.child({ module: 'group-policy' });
        // Invalid policy: start-up fails here, naming the key.
        const initial = readGroupPolicyConfig(config);
        const engine = new PolicyEngine(initial);
        const loader = new OrgGraphLoader({
          catalog: deps.catalog,
          auth: deps.auth,
          logger,
          maxStalenessMs: initial.graph.maxStalenessMs,
          rolesAnnotation: initial.catalogRolesAnnotation,
        });
        const permissions = new PermissionDirectory({
          discovery: deps.discovery,
          auth: deps.auth,
          logger,
          pluginIds: () => engine.policy.config.pluginsWithPermission,
        });

        deps.policy.setPolicy(
          new GroupPolicy({
            engine,
            graph: ref => loader.usableFor(ref),
            graphNow: ref => loader.graphFor(ref),
            auditor: deps.auditor,
          }),
        );
        deps.httpRouter.use(
          createRouter({
            engine,
            loader,
            permissions,
            httpAuth: deps.httpAuth,
            auth: deps.auth,
            catalog: deps.catalog,
          }),
        );

        const stopWatching = watchPolicy({
          config,
          logger,
          current: () => engine.policy.config,
          apply: next => {
            engine.setPolicy(next);
            loader.configure({
              maxStalenessMs: next.graph.maxStalenessMs,
              rolesAnnotation: next.catalogRolesAnnotation,
            });
          },
        });
        lifecycle.addShutdownHook(stopWatching);

        // Every replica keeps its own graph, so the task is local, not global.
        await scheduler.scheduleTask({
          id: 'group-policy-org-graph',
          scope: 'local',
          frequency: { milliseconds: initial.graph.refreshMs },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 2 },
          fn: async () => {
            await loader.refresh().catch(() => {
              // logged by the loader; decisions use the last good graph
            });
          },
        });
        logger.info(
          `Permission policy version ${initial.version}: ${initial.roles.size} roles, ${initial.bindings.length} bindings`,
        );
      },
    });
  },
});
