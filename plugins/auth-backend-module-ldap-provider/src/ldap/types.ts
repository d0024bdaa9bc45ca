/**
 * What a successful LDAP sign-in yields, handed to the sign-in resolvers
 * (`info.result`).
 *
 * @public
 */
export interface LdapAuthResult {
  /** The username as typed (trimmed). */
  username: string;
  /** The user's DN as the directory returned it. */
  dn: string;
  /** `entryUUID` / formatted `objectGUID` (or the configured key attribute). */
  uuid: string;
  profile: { email?: string; displayName?: string };
}

/** The outcome of checking a username and password. */
export type LdapCheckOutcome =
  | { ok: true; result: LdapAuthResult }
  | { ok: false };
