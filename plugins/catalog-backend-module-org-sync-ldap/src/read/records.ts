import type {
  OrgSourceGroup,
  OrgSourceProblem,
  OrgSourceUser,
} from '@identity-portal/plugin-catalog-org-sync-node';

/**
 * Annotation with the entry's DN, as the server returned it.
 *
 * @public
 */
export const ANNOTATION_LDAP_DN = 'backstage.io/ldap-dn';
/**
 * Annotation with the unescaped value of the entry's first RDN.
 *
 * @public
 */
export const ANNOTATION_LDAP_RDN = 'backstage.io/ldap-rdn';
/**
 * Annotation with the entry's key (entryUUID, objectGUID, ...).
 *
 * @public
 */
export const ANNOTATION_LDAP_UUID = 'backstage.io/ldap-uuid';

/** A user read from the directory, memberships still as DNs. */
export interface UserRecord {
  user: OrgSourceUser;
  /** The DN as returned. */
  dn: string;
  /** `memberOf` values as returned (empty unless memberOf is read). */
  memberOfDns: string[];
}

/** A group read from the directory, memberships still as DNs. */
export interface GroupRecord {
  group: OrgSourceGroup;
  /** The DN as returned, for follow-up searches (range retrieval). */
  dn: string;
  /** `member` values as returned. */
  memberDns: string[];
  /** `memberOf` values as returned (empty unless memberOf is read). */
  memberOfDns: string[];
  /** Set while `member` values beyond the first range are still missing. */
  nextRange?: number;
}

/** Collects problems and whether the read is still complete. */
export class ReadProblems {
  readonly list: OrgSourceProblem[] = [];
  complete = true;

  warning(code: string, message: string, entry?: string) {
    this.list.push(
      entry === undefined
        ? { severity: 'warning', code, message }
        : { severity: 'warning', code, message, entry },
    );
  }

  /** Records an error problem; the read is no longer complete. */
  error(code: string, message: string, entry?: string) {
    this.complete = false;
    this.list.push(
      entry === undefined
        ? { severity: 'error', code, message }
        : { severity: 'error', code, message, entry },
    );
  }
}

/** `String(error)` for anything thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    return `${error.name}: ${error.message}`;
  }
  return String(error);
}
