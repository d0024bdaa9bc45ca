import type { ResolvedUserSearch } from '../config/vendorDefaults';
import type { LdapClient } from '@identity-portal/ldap-node';
import { transitiveMembersFilter } from '@identity-portal/ldap-node';
import { searchPages } from '../ldap/pagedSearch';
import type { DnIndex } from './dnIndex';
import { describeError, GroupRecord, ReadProblems } from './records';

/** How many groups are expanded at the same time (one connection). */
const CONCURRENCY = 4;

/**
 * Active Directory only: adds every user that is a member of each group
 * through nested groups (LDAP_MATCHING_RULE_IN_CHAIN), so `members` holds the
 * effective members. One paged search per group, under the user base DN and
 * with the user filter, asking for no attributes (the DN is enough). A group
 * whose search fails keeps its direct members and is reported as an error
 * (the read becomes partial).
 */
export async function addTransitiveMembers(options: {
  client: LdapClient;
  groups: GroupRecord[];
  userSearch: ResolvedUserSearch;
  index: DnIndex;
  pageSize: number;
  signal: AbortSignal;
  problems: ReadProblems;
}): Promise<void> {
  const { client, groups, userSearch, index, signal, problems } = options;
  let next = 0;

  async function expand(record: GroupRecord) {
    const members = new Set(record.group.members);
    await searchPages(
      client,
      {
        baseDn: userSearch.baseDn,
        scope: userSearch.scope,
        filter: transitiveMembersFilter(userSearch.filter, record.dn),
        attributes: ['1.1'],
        binaryAttributes: [],
        pageSize: options.pageSize,
      },
      signal,
      entries => {
        for (const entry of entries) {
          const key = index.userKey(entry.dn);
          if (key !== undefined && !members.has(key)) {
            members.add(key);
            record.group.members.push(key);
          }
        }
      },
    );
  }

  async function worker() {
    while (next < groups.length) {
      const record = groups[next++];
      try {
        await expand(record);
      } catch (error) {
        signal.throwIfAborted();
        problems.error(
          'transitive-members-failed',
          `Could not read the nested members of ${record.dn}: ${describeError(
            error,
          )}`,
          record.dn,
        );
      }
    }
  }

  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, groups.length) }, worker),
  );
}
