import type { LdapTlsConfig, LdapVendor } from '@identity-portal/ldap-node';

export type {
  LdapCaSource,
  LdapTlsConfig,
  LdapVendor,
} from '@identity-portal/ldap-node';

/**
 * `vendor` as configured: a product, or `auto` (detected from the RootDSE).
 *
 * @public
 */
export type LdapVendorSetting = LdapVendor | 'auto';

/**
 * Which side of a membership is read: groups' `member` values, the
 * `memberOf` values of users and groups, or both.
 *
 * @public
 */
export type LdapMemberships = 'member' | 'memberOf' | 'both';

/**
 * Search scope below a base DN.
 *
 * @public
 */
export type LdapScope = 'one' | 'sub';

/**
 * Attribute names per role. `undefined` means "use the vendor default";
 * an empty string means "do not read this".
 *
 * @public
 */
export interface LdapUserAttributeNames {
  key?: string;
  name?: string;
  displayName?: string;
  email?: string;
  picture?: string;
  description?: string;
  memberOf?: string;
}

/**
 * See {@link LdapUserAttributeNames}.
 *
 * @public
 */
export interface LdapGroupAttributeNames {
  key?: string;
  name?: string;
  displayName?: string;
  email?: string;
  picture?: string;
  description?: string;
  members?: string;
  memberOf?: string;
}

/**
 * `users` as configured (vendor defaults not yet applied).
 *
 * @public
 */
export interface LdapUsersConfig {
  baseDn: string;
  scope: LdapScope;
  filter?: string;
  includeDisabled: boolean;
  disabledFilter?: string;
  attributes: LdapUserAttributeNames;
  /** Identifier name to attribute; undefined means `{ email: <email attribute> }`. */
  identifiers?: Record<string, string>;
  /** Entity path to attribute. */
  fields: Record<string, string>;
  /** More attributes to read, for transformers. */
  extraAttributes: string[];
}

/**
 * `groups` as configured (vendor defaults not yet applied).
 *
 * @public
 */
export interface LdapGroupsConfig {
  baseDn: string;
  scope: LdapScope;
  filter?: string;
  type: string;
  attributes: LdapGroupAttributeNames;
  identifiers?: Record<string, string>;
  fields: Record<string, string>;
  extraAttributes: string[];
  transitiveMembers: boolean;
}

/**
 * One LDAP source, as read from
 * `catalog.providers.orgSync.<providerId>.sources.ldap.<sourceId>`.
 *
 * @public
 */
export interface LdapSourceConfig {
  vendor: LdapVendorSetting;
  /** Tried in order until one connects and binds. */
  urls: string[];
  /** Absent: anonymous (no bind). */
  bind?: { dn: string; password: string };
  tls: LdapTlsConfig;
  timeouts: { connectMs: number; operationMs: number };
  pageSize: number;
  memberships: LdapMemberships;
  users: LdapUsersConfig;
  /** Absent: users only. */
  groups?: LdapGroupsConfig;
}
