/**
 * LDAP search filters (RFC 4515): escaping values, composing filters and
 * checking configured ones.
 */
import { FilterParser } from 'ldapts';

/** Active Directory: accounts with ACCOUNTDISABLE (0x2) in userAccountControl. */
export const AD_DISABLED_FILTER =
  '(userAccountControl:1.2.840.113556.1.4.803:=2)';

/** Active Directory LDAP_MATCHING_RULE_IN_CHAIN (transitive membership). */
export const AD_IN_CHAIN_RULE = '1.2.840.113556.1.4.1941';

const FILTER_ESCAPES: Record<string, string> = {
  '\\': '\\5c',
  '*': '\\2a',
  '(': '\\28',
  ')': '\\29',
  '\0': '\\00',
};

/**
 * Escapes a value for use inside a filter (RFC 4515 section 3): `\`, `*`,
 * `(`, `)` and NUL become `\5c`, `\2a`, `\28`, `\29` and `\00`. Everything
 * else, including non-ASCII characters (sent as UTF-8), is kept.
 *
 * @example escapeFilterValue('cn=Smith\\, Jane') === 'cn=Smith\\5c, Jane'
 *
 * @public
 */
export function escapeFilterValue(value: string): string {
  return value.replace(/[\\*()\0]/g, char => FILTER_ESCAPES[char]);
}

/** Wraps a filter written without outer parentheses (`uid=*`) in them. */
export function parenthesize(filter: string): string {
  const trimmed = filter.trim();
  return trimmed.startsWith('(') ? trimmed : `(${trimmed})`;
}

/** `(&f1f2...)` of the non-empty filters; a single filter is returned as is. */
export function andFilters(...filters: Array<string | undefined>): string {
  const parts = filters.filter((f): f is string => !!f && f.trim() !== '');
  if (parts.length === 0) {
    return '(objectClass=*)';
  }
  if (parts.length === 1) {
    return parenthesize(parts[0]);
  }
  return `(&${parts.map(parenthesize).join('')})`;
}

/** `(!f)` */
export function notFilter(filter: string): string {
  return `(!${parenthesize(filter)})`;
}

/**
 * The filter for user entries: the base filter, minus disabled accounts
 * unless they are included: `(&<filter>(!<disabledFilter>))`.
 */
export function composeUserFilter(options: {
  filter: string;
  disabledFilter?: string;
  includeDisabled: boolean;
}): string {
  if (options.includeDisabled || !options.disabledFilter) {
    return andFilters(options.filter);
  }
  return andFilters(options.filter, notFilter(options.disabledFilter));
}

/**
 * The filter finding the users that are members of `groupDn` directly or
 * through nested groups (Active Directory only).
 */
export function transitiveMembersFilter(
  userFilter: string,
  groupDn: string,
): string {
  return andFilters(
    userFilter,
    `(memberOf:${AD_IN_CHAIN_RULE}:=${escapeFilterValue(groupDn)})`,
  );
}

/**
 * Returns why the filter cannot be parsed, or undefined when it is valid.
 */
export function filterSyntaxError(filter: string): string | undefined {
  const text = parenthesize(filter);
  // ldapts accepts a missing final ")" of a composite filter; servers do not.
  let depth = 0;
  for (const char of text) {
    if (char === '(') {
      depth++;
    } else if (char === ')') {
      depth--;
    }
    if (depth < 0) {
      return 'unbalanced parentheses';
    }
  }
  if (depth !== 0) {
    return 'unbalanced parentheses';
  }
  try {
    FilterParser.parseString(text);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
