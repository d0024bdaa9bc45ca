/**
 * LDAP and Active Directory sign-in for the Backstage auth backend.
 *
 * @packageDocumentation
 */

export { authModuleLdapProvider as default } from './module';
export { authModuleLdapProvider } from './module';
export { readLdapAuthConfig } from './config/readLdapAuthConfig';
export type {
  LdapAuthConfig,
  LdapAuthThrottleConfig,
  LdapAuthUserAttributes,
  LdapAuthUsersConfig,
  LdapAuthVendorSetting,
} from './config/types';
export {
  ANNOTATION_LDAP_DN,
  ANNOTATION_LDAP_UUID,
  createLdapSignInResolvers,
} from './resolvers/ldapSignInResolvers';
export type { LdapResolverDeps } from './resolvers/ldapSignInResolvers';
export type { LdapAuthResult } from './ldap/types';
