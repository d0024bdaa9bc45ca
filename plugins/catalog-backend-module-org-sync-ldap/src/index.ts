/**
 * LDAP and Active Directory source for the org sync engine: reads people and
 * groups (paged, concurrently, with range retrieval and optional nested
 * membership on Active Directory) and hands them to
 * `@identity-portal/plugin-catalog-backend-module-org-sync`.
 *
 * @packageDocumentation
 */

export { catalogModuleOrgSyncLdap as default } from './module';
export { catalogModuleOrgSyncLdap } from './module';
export { createLdapOrgSourceFactory } from './createLdapOrgSourceFactory';
export type { LdapOrgSourceFactoryOptions } from './createLdapOrgSourceFactory';
export { orgSyncLdapTransformsExtensionPoint } from './extensionPoint';
export type { OrgSyncLdapTransformsExtensionPoint } from './extensionPoint';
export type {
  LdapGroupTransformer,
  LdapTransformContext,
  LdapTransformerSetting,
  LdapUserTransformer,
} from './transforms';
export { readLdapSourceConfig } from './config/readLdapSourceConfig';
export type {
  LdapCaSource,
  LdapGroupAttributeNames,
  LdapGroupsConfig,
  LdapMemberships,
  LdapScope,
  LdapSourceConfig,
  LdapTlsConfig,
  LdapUserAttributeNames,
  LdapUsersConfig,
  LdapVendor,
  LdapVendorSetting,
} from './config/types';
export {
  ANNOTATION_LDAP_DN,
  ANNOTATION_LDAP_RDN,
  ANNOTATION_LDAP_UUID,
} from './read/records';
export { normalizeDn } from '@identity-portal/ldap-node';
export { escapeFilterValue } from '@identity-portal/ldap-node';
export { formatGuid, formatSid } from '@identity-portal/ldap-node';
