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

  /**
   * Records a warning. `key` is the stable key of a skipped entry, when
   * known: the engine then keeps what it committed for that entry before.
   */
  warning(code: string, message: string, entry?: string, key?: string) {
    this.list.push(problem('warning', code, message, entry, key));
  }

  /** Records an error problem; the read is no longer complete. */
  error(code: string, message: string, entry?: string, key?: string) {
    this.complete = false;
    this.list.push(problem('error', code, message, entry, key));
  }
}

function problem(
  severity: OrgSourceProblem['severity'],
  code: string,
  message: string,
  entry?: string,
  key?: string,
): OrgSourceProblem {
  return {
    severity,
    code,
    message,
    ...(entry === undefined ? {} : { entry }),
    ...(key === undefined ? {} : { key }),
  };
}

export { describeError } from '@identity-portal/ldap-node';
