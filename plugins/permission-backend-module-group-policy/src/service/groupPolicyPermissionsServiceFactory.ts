import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ServerPermissionClient } from '@backstage/plugin-permission-node';
import { readGroupPolicyConfig } from '../config/readGroupPolicyConfig';
import { watchPolicy } from '../config/watchPolicy';
import { PolicyEngine } from '../engine/PolicyEngine';
import { ServicePrincipalPermissions } from './ServicePrincipalPermissions';

/**
 * Replaces the default permissions service so that service principals bound
 * in `permission.groupPolicy.bindings` (`service:plugin:<id>`,
 * `service:<token subject>`) are decided by the policy. Optional: without it,
 * Backstage allows every service principal (within its access restrictions).
 *
 * @public
 */
export const groupPolicyPermissionsServiceFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: {
    auth: coreServices.auth,
    config: coreServices.rootConfig,
    discovery: coreServices.discovery,
    logger: coreServices.logger,
    lifecycle: coreServices.lifecycle,
  },
  factory({ auth, config, discovery, logger, lifecycle }) {
    const engine = new PolicyEngine(readGroupPolicyConfig(config));
    const stop = watchPolicy({
      config,
      logger: logger.child({ service: 'group-policy-permissions' }),
      current: () => engine.policy.config,
      apply: next => engine.setPolicy(next),
    });
    lifecycle.addShutdownHook(stop);
    return new ServicePrincipalPermissions(
      ServerPermissionClient.fromConfig(config, { auth, discovery }),
      engine,
      auth,
    );
  },
});
