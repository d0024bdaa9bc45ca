import type { Entry } from 'ldapts';
import type { LdapScope } from '../config/types';
import type { LdapClient } from '@identity-portal/ldap-node';

/** One paged search. */
export interface PagedSearch {
  baseDn: string;
  scope: LdapScope;
  filter: string;
  attributes: string[];
  binaryAttributes: string[];
  pageSize: number;
}

/** What a paged search saw. */
export interface PagedSearchStats {
  pages: number;
  entries: number;
  /** Continuation references (referrals), which are not followed. */
  references: number;
}

/**
 * Runs a search with the paged results control (RFC 2696) and hands each
 * page to `onPage` as it arrives; the next page is only requested once
 * `onPage` has finished, so at most one page of raw entries is held. Aliases
 * are not dereferenced. Throws what the server or the connection throws; the
 * pages handed over before stay handed over.
 */
export async function searchPages(
  client: LdapClient,
  search: PagedSearch,
  signal: AbortSignal,
  onPage: (entries: Entry[]) => Promise<void> | void,
): Promise<PagedSearchStats> {
  const stats: PagedSearchStats = { pages: 0, entries: 0, references: 0 };
  const pages = client.searchPaginated(search.baseDn, {
    scope: search.scope,
    filter: search.filter,
    attributes: search.attributes,
    explicitBufferAttributes: search.binaryAttributes,
    derefAliases: 'never',
    paged: { pageSize: search.pageSize },
  });
  for await (const page of pages) {
    signal.throwIfAborted();
    stats.pages++;
    stats.entries += page.searchEntries.length;
    stats.references += page.searchReferences.length;
    await onPage(page.searchEntries);
  }
  return stats;
}
