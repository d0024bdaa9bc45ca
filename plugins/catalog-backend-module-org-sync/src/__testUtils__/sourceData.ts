import type {
  OrgSourceGroup,
  OrgSourceReadResult,
  OrgSourceUser,
} from '@identity-portal/plugin-catalog-org-sync-node';

/** A source user with sensible defaults, for tests. */
export function user(
  key: string,
  overrides: Partial<OrgSourceUser> = {},
): OrgSourceUser {
  return {
    key,
    name: key,
    identifiers: {},
    annotations: {},
    fields: {},
    memberOf: [],
    ...overrides,
  };
}

/** A source group with sensible defaults, for tests. */
export function group(
  key: string,
  overrides: Partial<OrgSourceGroup> = {},
): OrgSourceGroup {
  return {
    key,
    name: key,
    type: 'team',
    identifiers: {},
    annotations: {},
    fields: {},
    parents: [],
    children: [],
    members: [],
    ...overrides,
  };
}

/** A complete read result. */
export function readResult(
  users: OrgSourceUser[],
  groups: OrgSourceGroup[] = [],
  overrides: Partial<OrgSourceReadResult> = {},
): OrgSourceReadResult {
  return { users, groups, complete: true, problems: [], ...overrides };
}
