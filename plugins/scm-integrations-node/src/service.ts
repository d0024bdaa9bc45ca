import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { ScmCredentialsBroker } from './broker/ScmCredentialsBroker';
import type { ScmCredentialsService } from './types';
import { assertValidIntegrationsConfig } from './validation/assertValidIntegrationsConfig';

/**
 * The SCM credentials broker as a plugin-scoped service. Its default factory
 * needs no `backend.add`: the first plugin that depends on it validates
 * `integrations:` once for the whole backend (errors stop start-up with one
 * `InputError` naming every key; warnings are logged once), and each plugin
 * gets a broker that names it in the log line of every call.
 *
 * @public
 */
export const scmCredentialsServiceRef = createServiceRef<ScmCredentialsService>(
  {
    id: 'identity-portal.scm-credentials',
    scope: 'plugin',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          rootConfig: coreServices.rootConfig,
          rootLogger: coreServices.rootLogger,
          logger: coreServices.logger,
          pluginMetadata: coreServices.pluginMetadata,
        },
        createRootContext({ rootConfig, rootLogger }) {
          const logger = rootLogger.child({ service: 'scm-credentials' });
          assertValidIntegrationsConfig(rootConfig, { logger });
          return ScmCredentialsBroker.fromConfig(rootConfig, { logger });
        },
        factory({ logger, pluginMetadata }, broker) {
          return broker.forPlugin(pluginMetadata.getId(), logger);
        },
      }),
  },
);
