import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { orgSyncSourcesExtensionPoint } from '@identity-portal/plugin-catalog-org-sync-node';
import { scmCredentialsServiceRef } from '@identity-portal/plugin-scm-integrations-node';
import { createGithubOrgSourceFactory } from './createGithubOrgSourceFactory';

/**
 * Adds the `github` source type (org members and teams of GitHub and GitHub
 * Enterprise orgs) to the org sync engine,
 * `@identity-portal/plugin-catalog-backend-module-org-sync`. Tokens come
 * from the SCM credentials broker (`scmCredentialsServiceRef`).
 *
 * @public
 */
export const catalogModuleOrgSyncGithub = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'org-sync-github',
  register(env) {
    env.registerInit({
      deps: {
        sources: orgSyncSourcesExtensionPoint,
        rootConfig: coreServices.rootConfig,
        scmCredentials: scmCredentialsServiceRef,
      },
      async init({ sources, rootConfig, scmCredentials }) {
        sources.addSourceFactory(
          createGithubOrgSourceFactory({ rootConfig, scmCredentials }),
        );
      },
    });
  },
});
