import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { orgSyncSourcesExtensionPoint } from '@identity-portal/plugin-catalog-org-sync-node';
import { scmCredentialsServiceRef } from '@identity-portal/plugin-scm-integrations-node';
import { createGitlabOrgSourceFactory } from './createGitlabOrgSourceFactory';

/**
 * Adds the `gitlab` source type (gitlab.com and self-managed GitLab) to the
 * org sync engine, `@identity-portal/plugin-catalog-backend-module-org-sync`.
 * The token comes from the SCM credentials broker (`scmCredentialsServiceRef`).
 *
 * @public
 */
export const catalogModuleOrgSyncGitlab = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'org-sync-gitlab',
  register(env) {
    env.registerInit({
      deps: {
        sources: orgSyncSourcesExtensionPoint,
        rootConfig: coreServices.rootConfig,
        scmCredentials: scmCredentialsServiceRef,
      },
      async init({ sources, rootConfig, scmCredentials }) {
        sources.addSourceFactory(
          createGitlabOrgSourceFactory({ rootConfig, scmCredentials }),
        );
      },
    });
  },
});
