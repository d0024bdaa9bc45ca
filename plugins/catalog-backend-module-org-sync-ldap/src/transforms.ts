import type {
  OrgSourceGroup,
  OrgSourceUser,
} from '@identity-portal/plugin-catalog-org-sync-node';
import type { Entry } from 'ldapts';
import type { LdapVendor } from './config/types';

/**
 * What a transformer knows about the source it runs for.
 *
 * @public
 */
export interface LdapTransformContext {
  /** The org sync provider id (`catalog.providers.orgSync.<providerId>`). */
  providerId: string;
  /** The LDAP source id (`sources.ldap.<sourceId>`). */
  sourceId: string;
  /** The vendor configured or detected for this read. */
  vendor: LdapVendor;
}

/**
 * Adjusts or drops one user.
 *
 * Receives the raw ldapts entry (only the attributes the source requests,
 * plus `users.extraAttributes`) and the draft built from config. Returns the
 * user to keep (the draft, changed or not, or a new object) or `undefined`
 * to skip the entry. `memberOf` is empty in the draft: it is filled from the
 * entry's DNs after the whole read; keys a transformer puts there are kept.
 * Runs once per entry, while the page that holds it is processed.
 *
 * @public
 */
export type LdapUserTransformer = (
  entry: Entry,
  draft: OrgSourceUser,
  context: LdapTransformContext,
) => OrgSourceUser | undefined | Promise<OrgSourceUser | undefined>;

/**
 * Adjusts or drops one group; see {@link LdapUserTransformer}. `members`,
 * `children` and `parents` are filled after the read.
 *
 * @public
 */
export type LdapGroupTransformer = (
  entry: Entry,
  draft: OrgSourceGroup,
  context: LdapTransformContext,
) => OrgSourceGroup | undefined | Promise<OrgSourceGroup | undefined>;

/**
 * A transformer for every LDAP source, or one per source: keys are source ids
 * (`main`) or provider-qualified source ids (`corp.main`, which win).
 *
 * @public
 */
export type LdapTransformerSetting<T> = T | Record<string, T>;

/** Picks the transformer that applies to one source. */
export function selectTransformer<T extends Function>(
  setting: LdapTransformerSetting<T> | undefined,
  providerId: string,
  sourceId: string,
): T | undefined {
  if (setting === undefined || typeof setting === 'function') {
    return setting as T | undefined;
  }
  const perSource = setting as Record<string, T>;
  return perSource[`${providerId}.${sourceId}`] ?? perSource[sourceId];
}
