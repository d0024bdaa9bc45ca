import { createBackendModule } from '@backstage/backend-plugin-api';
import { orgSyncSourcesExtensionPoint } from '@identity-portal/plugin-catalog-org-sync-node';
import { createLdapOrgSourceFactory } from './createLdapOrgSourceFactory';
import { orgSyncLdapTransformsExtensionPoint } from './extensionPoint';
import type {
  LdapGroupTransformer,
  LdapTransformerSetting,
  LdapUserTransformer,
} from './transforms';

/**
 * Adds the `ldap` source type (LDAP and Active Directory) to the org sync
 * engine, `@identity-portal/plugin-catalog-backend-module-org-sync`.
 *
 * @public
 */
export const catalogModuleOrgSyncLdap = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'org-sync-ldap',
  register(env) {
    let userTransformer:
      | LdapTransformerSetting<LdapUserTransformer>
      | undefined;
    let groupTransformer:
      | LdapTransformerSetting<LdapGroupTransformer>
      | undefined;

    env.registerExtensionPoint(orgSyncLdapTransformsExtensionPoint, {
      setUserTransformer(transformer) {
        if (userTransformer) {
          throw new Error(
            'The LDAP org sync user transformer may only be set once',
          );
        }
        userTransformer = transformer;
      },
      setGroupTransformer(transformer) {
        if (groupTransformer) {
          throw new Error(
            'The LDAP org sync group transformer may only be set once',
          );
        }
        groupTransformer = transformer;
      },
    });

    env.registerInit({
      deps: { sources: orgSyncSourcesExtensionPoint },
      async init({ sources }) {
        // Getters, so that sources created later see every transformer.
        sources.addSourceFactory(
          createLdapOrgSourceFactory({
            get userTransformer() {
              return userTransformer;
            },
            get groupTransformer() {
              return groupTransformer;
            },
          }),
        );
      },
    });
  },
});
