/**
 * LDAP client code shared by the portal's LDAP modules (org sync source and
 * sign-in provider): failover connections with ldaps/StartTLS and timeouts,
 * RFC 4514 DNs and RFC 4515 filter escaping, binary attribute values.
 *
 * @packageDocumentation
 */

export { abortable } from './abortable';
export {
  binaryFormatOf,
  formatBinary,
  formatGuid,
  formatSid,
  isBinaryAttribute,
  KNOWN_BINARY_ATTRIBUTES,
} from './binaryValues';
export type { BinaryFormat } from './binaryValues';
export { createLdaptsClient } from './client';
export type { CreateLdapClient, LdapClient } from './client';
export { connect, openConnection, isInvalidCredentials } from './connect';
export type { Connection, ConnectOptions } from './connect';
export { detectVendor } from './detectVendor';
export {
  escapeDnValue,
  firstRdnValue,
  isValidDn,
  normalizeDn,
  tryNormalizeDn,
} from './dn';
export {
  AD_DISABLED_FILTER,
  AD_IN_CHAIN_RULE,
  andFilters,
  composeUserFilter,
  escapeFilterValue,
  filterSyntaxError,
  notFilter,
  parenthesize,
  transitiveMembersFilter,
} from './filters';
export { caSource, describeConfigIssue } from './configValues';
export type { ConfigIssue } from './configValues';
export { describeError } from './types';
export type {
  ConnectWarnings,
  LdapCaSource,
  LdapTlsConfig,
  LdapVendor,
} from './types';
