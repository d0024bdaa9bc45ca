import {
  AD_DISABLED_FILTER,
  composeUserFilter,
} from '@identity-portal/ldap-node';
import {
  LdapGroupsConfig,
  LdapMemberships,
  LdapScope,
  LdapUsersConfig,
  LdapVendor,
} from './types';

/** Attribute names with vendor defaults applied; absent = not read. */
export interface ResolvedUserAttributes {
  key: string;
  name: string;
  displayName?: string;
  email?: string;
  picture?: string;
  description?: string;
  memberOf?: string;
}

/** See {@link ResolvedUserAttributes}. */
export interface ResolvedGroupAttributes {
  key: string;
  name: string;
  displayName?: string;
  email?: string;
  picture?: string;
  description?: string;
  members?: string;
  memberOf?: string;
}

/** The user search, ready to run. */
export interface ResolvedUserSearch {
  baseDn: string;
  scope: LdapScope;
  /** The complete filter, disabled accounts already excluded if asked. */
  filter: string;
  attributes: ResolvedUserAttributes;
  identifiers: Record<string, string>;
  fields: Record<string, string>;
  extraAttributes: string[];
}

/** The group search, ready to run. */
export interface ResolvedGroupSearch {
  baseDn: string;
  scope: LdapScope;
  filter: string;
  type: string;
  attributes: ResolvedGroupAttributes;
  identifiers: Record<string, string>;
  fields: Record<string, string>;
  extraAttributes: string[];
  transitiveMembers: boolean;
}

interface VendorDefaults {
  userFilter: string;
  disabledFilter?: string;
  groupFilter: string;
  user: Required<ResolvedUserAttributes>;
  group: Required<ResolvedGroupAttributes>;
}

/** What each vendor reads when config does not say otherwise. */
export const VENDOR_DEFAULTS: Record<LdapVendor, VendorDefaults> = {
  openldap: {
    userFilter: '(objectClass=inetOrgPerson)',
    groupFilter: '(objectClass=groupOfNames)',
    user: {
      key: 'entryUUID',
      name: 'uid',
      displayName: 'cn',
      email: 'mail',
      picture: '',
      description: 'description',
      memberOf: 'memberOf',
    },
    group: {
      key: 'entryUUID',
      name: 'cn',
      displayName: 'cn',
      email: '',
      picture: '',
      description: 'description',
      members: 'member',
      memberOf: 'memberOf',
    },
  },
  activedirectory: {
    userFilter: '(&(objectCategory=person)(objectClass=user))',
    disabledFilter: AD_DISABLED_FILTER,
    groupFilter: '(objectClass=group)',
    user: {
      key: 'objectGUID',
      name: 'sAMAccountName',
      displayName: 'displayName',
      email: 'mail',
      picture: '',
      description: 'description',
      memberOf: 'memberOf',
    },
    group: {
      key: 'objectGUID',
      name: 'sAMAccountName',
      displayName: 'cn',
      email: 'mail',
      picture: '',
      description: 'description',
      members: 'member',
      memberOf: 'memberOf',
    },
  },
};

/** `configured ?? fallback`, where '' (configured or default) means "not read". */
function pick(configured: string | undefined, fallback: string) {
  const value = configured ?? fallback;
  return value === '' ? undefined : value;
}

/** The attributes users and groups share, configured or the vendor's default. */
function commonAttributes(
  configured: {
    key?: string;
    name?: string;
    displayName?: string;
    email?: string;
    picture?: string;
    description?: string;
  },
  defaults: {
    key: string;
    name: string;
    displayName: string;
    email: string;
    picture: string;
    description: string;
  },
) {
  return {
    key: configured.key ?? defaults.key,
    name: configured.name ?? defaults.name,
    displayName: pick(configured.displayName, defaults.displayName),
    email: pick(configured.email, defaults.email),
    picture: pick(configured.picture, defaults.picture),
    description: pick(configured.description, defaults.description),
  };
}

/**
 * Applies the vendor's defaults to the configured user search; `memberOf`
 * is only read when `memberships` asks for that side.
 */
export function resolveUserSearch(
  users: LdapUsersConfig,
  vendor: LdapVendor,
  memberships: LdapMemberships,
): ResolvedUserSearch {
  const defaults = VENDOR_DEFAULTS[vendor];
  const configured = users.attributes;
  const attributes: ResolvedUserAttributes = {
    ...commonAttributes(configured, defaults.user),
    memberOf:
      memberships === 'member'
        ? undefined
        : pick(configured.memberOf, defaults.user.memberOf),
  };
  return {
    baseDn: users.baseDn,
    scope: users.scope,
    filter: composeUserFilter({
      filter: users.filter ?? defaults.userFilter,
      disabledFilter: users.disabledFilter ?? defaults.disabledFilter,
      includeDisabled: users.includeDisabled,
    }),
    attributes,
    identifiers:
      users.identifiers ??
      (attributes.email ? { email: attributes.email } : {}),
    fields: users.fields,
    extraAttributes: users.extraAttributes,
  };
}

/**
 * Applies the vendor's defaults to the configured group search; `member`
 * and `memberOf` are only read when `memberships` asks for that side.
 */
export function resolveGroupSearch(
  groups: LdapGroupsConfig,
  vendor: LdapVendor,
  memberships: LdapMemberships,
): ResolvedGroupSearch {
  const defaults = VENDOR_DEFAULTS[vendor];
  const configured = groups.attributes;
  const attributes: ResolvedGroupAttributes = {
    ...commonAttributes(configured, defaults.group),
    members:
      memberships === 'memberOf'
        ? undefined
        : pick(configured.members, defaults.group.members),
    memberOf:
      memberships === 'member'
        ? undefined
        : pick(configured.memberOf, defaults.group.memberOf),
  };
  return {
    baseDn: groups.baseDn,
    scope: groups.scope,
    filter: composeUserFilter({
      filter: groups.filter ?? defaults.groupFilter,
      includeDisabled: true,
    }),
    type: groups.type,
    attributes,
    identifiers:
      groups.identifiers ??
      (attributes.email ? { email: attributes.email } : {}),
    fields: groups.fields,
    extraAttributes: groups.extraAttributes,
    transitiveMembers: groups.transitiveMembers,
  };
}
