import type { LdapTlsConfig, LdapVendor } from '@identity-portal/ldap-node';

/**
 * `vendor` as configured: a product, or `auto` (detected from the RootDSE on
 * first use).
 *
 * @public
 */
export type LdapAuthVendorSetting = LdapVendor | 'auto';

/**
 * The LDAP attributes read from a user's entry at sign-in.
 *
 * @public
 */
export interface LdapAuthUserAttributes {
  /** Stable id, matched against `backstage.io/ldap-uuid`; `undefined` = vendor default. */
  key?: string;
  /** The account name, used by the name resolver; `undefined` = vendor default. */
  username?: string;
  email: string;
  displayName: string;
}

/**
 * Where users are and how they are found.
 *
 * @public
 */
export interface LdapAuthUsersConfig {
  /** Search base; required for search-then-bind. */
  baseDn?: string;
  scope: 'one' | 'sub';
  /** Filter template with `{username}` (RFC 4515-escaped on use). */
  filter?: string;
  /** Entries matching it may not sign in; `undefined` = vendor default. */
  disabledFilter?: string;
  attributes: LdapAuthUserAttributes;
}

/**
 * Throttling of failed sign-ins.
 *
 * @public
 */
export interface LdapAuthThrottleConfig {
  /** Failures per username within `window` before a lock. */
  perUsername: number;
  /** Failures per client address within `window` before a lock. */
  perAddress: number;
  windowMs: number;
  /** Upper bound of the doubling lock. */
  maxLockMs: number;
}

/**
 * One environment of the provider, `auth.providers.ldap.<env>`, validated.
 *
 * @public
 */
export interface LdapAuthConfig {
  /** The config key, e.g. `auth.providers.ldap.development`. */
  configPath: string;
  vendor: LdapAuthVendorSetting;
  urls: string[];
  /** Service account for search-then-bind and the re-check on refresh. */
  bind?: { dn: string; password: string };
  tls: LdapTlsConfig;
  timeouts: { connectMs: number; operationMs: number };
  users: LdapAuthUsersConfig;
  /** Direct bind: DN (or UPN) template with `{username}`, RFC 4514-escaped on use. */
  dnTemplate?: string;
  session: { durationMs: number; cookieName?: string };
  recheckIntervalMs: number;
  throttle: LdapAuthThrottleConfig;
  /** Longest accepted username, in characters. */
  maxUsernameLength: number;
}
