import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type {
  LdapGroupTransformer,
  LdapTransformerSetting,
  LdapUserTransformer,
} from './transforms';

/**
 * Customises how LDAP entries become users and groups. Each setter may be
 * called once; pass a function for every LDAP source or a record keyed by
 * source id (`main`) or provider and source id (`corp.main`).
 *
 * @public
 */
export interface OrgSyncLdapTransformsExtensionPoint {
  setUserTransformer(
    transformer: LdapTransformerSetting<LdapUserTransformer>,
  ): void;
  setGroupTransformer(
    transformer: LdapTransformerSetting<LdapGroupTransformer>,
  ): void;
}

/**
 * Extension point for user and group transformers of the LDAP org sync
 * source.
 *
 * @public
 */
export const orgSyncLdapTransformsExtensionPoint =
  createExtensionPoint<OrgSyncLdapTransformsExtensionPoint>({
    id: 'catalog.orgSyncLdap.transforms',
  });
