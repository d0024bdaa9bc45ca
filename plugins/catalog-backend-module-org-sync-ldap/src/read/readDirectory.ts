import type { LoggerService } from '@backstage/backend-plugin-api';
import { ForwardedError } from '@backstage/errors';
import type {
  OrgSourceGroup,
  OrgSourceReadResult,
  OrgSourceUser,
} from '@identity-portal/plugin-catalog-org-sync-node';
import type { LdapSourceConfig } from '../config/types';
import {
  resolveGroupSearch,
  resolveUserSearch,
} from '../config/vendorDefaults';
import type { CreateLdapClient, LdapClient } from '@identity-portal/ldap-node';
import {
  connect,
  ConnectOptions,
  openConnection,
} from '@identity-portal/ldap-node';
import { detectVendor } from '@identity-portal/ldap-node';
import { PagedSearchStats, searchPages } from '../ldap/pagedSearch';
import type {
  LdapGroupTransformer,
  LdapTransformContext,
  LdapUserTransformer,
} from '../transforms';
import { DnIndex } from './dnIndex';
import { BoundTransformer } from './entryCollector';
import { GroupCollector, groupAttributePlan } from './groupCollector';
import { readRemainingRanges } from './rangeRetrieval';
import { describeError, GroupRecord, ReadProblems } from './records';
import { resolveMemberships } from './resolveMemberships';
import { addTransitiveMembers } from './transitiveMembers';
import { UserCollector, userAttributePlan } from './userCollector';

/** Everything one read needs. */
export interface ReadDirectoryOptions {
  config: LdapSourceConfig;
  /** The CA bundle (PEM), loaded for this read. */
  caPem?: string;
  createClient: CreateLdapClient;
  userTransformer?: LdapUserTransformer;
  groupTransformer?: LdapGroupTransformer;
  providerId: string;
  sourceId: string;
  logger: LoggerService;
  signal: AbortSignal;
}

interface SearchOutcome {
  stats?: PagedSearchStats;
  error?: unknown;
}

async function outcomeOf(
  search: Promise<PagedSearchStats>,
): Promise<SearchOutcome> {
  try {
    return { stats: await search };
  } catch (error) {
    return { error };
  }
}

function bindTransformer<TDraft>(
  transformer:
    | ((
        entry: Parameters<BoundTransformer<TDraft>>[0],
        draft: TDraft,
        context: LdapTransformContext,
      ) => ReturnType<BoundTransformer<TDraft>>)
    | undefined,
  context: LdapTransformContext,
): BoundTransformer<TDraft> | undefined {
  return transformer && ((entry, draft) => transformer(entry, draft, context));
}

/** Reads the rest of every group whose `member` came back ranged (AD). */
async function completeRanges(
  client: LdapClient,
  records: GroupRecord[],
  attribute: string,
  signal: AbortSignal,
  problems: ReadProblems,
): Promise<number> {
  let fetched = 0;
  for (const record of records) {
    if (record.nextRange === undefined) {
      continue;
    }
    try {
      const dns = await readRemainingRanges(
        client,
        record.dn,
        attribute,
        record.nextRange,
        signal,
      );
      record.memberDns.push(...dns);
      fetched++;
    } catch (error) {
      signal.throwIfAborted();
      problems.error(
        'range-retrieval-failed',
        `Could not read all ${attribute} values of ${
          record.dn
        }: ${describeError(error)}`,
        record.dn,
      );
    }
    delete record.nextRange;
  }
  return fetched;
}

/**
 * One read of an LDAP source: connect (with failover), detect the vendor if
 * asked, run the user and group searches concurrently on two connections,
 * page by page, complete ranged `member` values, resolve memberships, and
 * optionally expand nested members (AD). Unbinds in every case.
 *
 * Failures: no URL works or the bind is refused: throws. A search fails
 * after data was read: returns what was read with `complete: false` and an
 * `error` problem; when nothing at all was read: throws. Aborting the signal
 * closes the connection and throws the abort reason.
 */
export async function readDirectory(
  options: ReadDirectoryOptions,
): Promise<OrgSourceReadResult> {
  const started = Date.now();
  const { config, signal, logger } = options;
  signal.throwIfAborted();
  const problems = new ReadProblems();
  const connectOptions: ConnectOptions = {
    urls: config.urls,
    bind: config.bind,
    tls: config.tls,
    caPem: options.caPem,
    connectTimeoutMs: config.timeouts.connectMs,
    operationTimeoutMs: config.timeouts.operationMs,
    createClient: options.createClient,
    signal,
    problems,
  };
  const { client, url } = await connect(connectOptions);
  // OpenLDAP keeps one paged-results state per connection, so the group
  // search gets a second connection to the same server, opened while the
  // vendor is detected; if it cannot be opened, both searches run one after
  // the other on the first. The promise never rejects.
  let second: LdapClient | undefined;
  const secondConnection: Promise<LdapClient | undefined> = config.groups
    ? openConnection(url, connectOptions).then(
        opened => {
          second = opened;
          return opened;
        },
        error => {
          if (!signal.aborted) {
            logger.debug(
              `Could not open a second connection to ${url} (${describeError(
                error,
              )}); reading users and groups one after the other`,
            );
          }
          return undefined;
        },
      )
    : Promise.resolve(undefined);
  const abort = () => {
    client.unbind().catch(() => {});
    second?.unbind().catch(() => {});
  };
  signal.addEventListener('abort', abort, { once: true });

  try {
    const vendor =
      config.vendor === 'auto' ? await detectVendor(client) : config.vendor;
    const groupClient = await secondConnection;
    signal.throwIfAborted();
    const context: LdapTransformContext = {
      providerId: options.providerId,
      sourceId: options.sourceId,
      vendor,
    };
    const index = new DnIndex();
    const userSearch = resolveUserSearch(
      config.users,
      vendor,
      config.memberships,
    );
    const userPlan = userAttributePlan(userSearch);
    const users = new UserCollector(
      userSearch,
      userPlan,
      index,
      problems,
      bindTransformer<OrgSourceUser>(options.userTransformer, context),
    );
    const groupSearch = config.groups
      ? resolveGroupSearch(config.groups, vendor, config.memberships)
      : undefined;
    const groupPlan = groupSearch && groupAttributePlan(groupSearch);
    const groups =
      groupSearch &&
      groupPlan &&
      new GroupCollector(
        groupSearch,
        groupPlan,
        index,
        problems,
        bindTransformer<OrgSourceGroup>(options.groupTransformer, context),
      );

    const readUsers = () =>
      outcomeOf(
        searchPages(
          client,
          {
            baseDn: userSearch.baseDn,
            scope: userSearch.scope,
            filter: userSearch.filter,
            attributes: userPlan.requested,
            binaryAttributes: userPlan.binary,
            pageSize: config.pageSize,
          },
          signal,
          page => users.addPage(page),
        ),
      );
    const readGroups = (on: LdapClient) =>
      groupSearch && groupPlan && groups
        ? outcomeOf(
            searchPages(
              on,
              {
                baseDn: groupSearch.baseDn,
                scope: groupSearch.scope,
                filter: groupSearch.filter,
                attributes: groupPlan.requested,
                binaryAttributes: groupPlan.binary,
                pageSize: config.pageSize,
              },
              signal,
              page => groups.addPage(page),
            ),
          )
        : Promise.resolve<SearchOutcome>({});

    let userOutcome: SearchOutcome;
    let groupOutcome: SearchOutcome;
    if (groupClient) {
      [userOutcome, groupOutcome] = await Promise.all([
        readUsers(),
        readGroups(groupClient),
      ]);
    } else {
      userOutcome = await readUsers();
      groupOutcome = await readGroups(client);
    }
    signal.throwIfAborted();

    const failures: unknown[] = [];
    if (userOutcome.error !== undefined) {
      failures.push(userOutcome.error);
      problems.error(
        'search-failed',
        `The user search under ${userSearch.baseDn} at ${url} failed after ${
          users.stats.entries
        } entries: ${describeError(userOutcome.error)}`,
      );
    }
    if (groupOutcome.error !== undefined) {
      failures.push(groupOutcome.error);
      problems.error(
        'search-failed',
        `The group search under ${groupSearch?.baseDn} at ${url} failed after ${
          groups?.stats.entries ?? 0
        } entries: ${describeError(groupOutcome.error)}`,
      );
    }

    const userRecords = users.records;
    const groupRecords = groups?.records ?? [];
    if (failures.length > 0 && userRecords.length + groupRecords.length === 0) {
      throw new ForwardedError(
        `Reading the LDAP directory at ${url} failed before anything was read`,
        failures[0],
      );
    }

    let rangedGroups = 0;
    if (groups && groupSearch?.attributes.members && groupOutcome.stats) {
      rangedGroups = await completeRanges(
        client,
        groupRecords,
        groupSearch.attributes.members,
        signal,
        problems,
      );
    }

    const { unresolved } = resolveMemberships(userRecords, groupRecords, index);

    if (groupSearch?.transitiveMembers) {
      if (vendor === 'activedirectory') {
        await addTransitiveMembers({
          client,
          groups: groupRecords,
          userSearch,
          index,
          pageSize: config.pageSize,
          signal,
          problems,
        });
      } else {
        problems.warning(
          'transitive-members-unsupported',
          `groups.transitiveMembers needs Active Directory, but ${url} is ${vendor}; read direct members only`,
        );
      }
    }

    logger.debug(
      `LDAP read details: ${users.stats.entries} user entries, ${
        groups?.stats.entries ?? 0
      } group entries, ${userOutcome.stats?.pages ?? 0}+${
        groupOutcome.stats?.pages ?? 0
      } pages, ${
        (userOutcome.stats?.references ?? 0) +
        (groupOutcome.stats?.references ?? 0)
      } referrals not followed, ${rangedGroups} groups with ranged members, ${
        users.stats.skippedByTransformer +
        (groups?.stats.skippedByTransformer ?? 0)
      } entries skipped by transformers, ${unresolved} membership DNs outside what was read (dropped)`,
    );
    logger.info(
      `Read ${userRecords.length} users and ${
        groupRecords.length
      } groups from ${url} (${vendor}) in ${Date.now() - started} ms${
        problems.complete ? '' : ' (incomplete)'
      }${problems.list.length > 0 ? `, ${problems.list.length} problems` : ''}`,
    );

    return {
      users: userRecords.map(record => record.user),
      groups: groupRecords.map(record => record.group),
      complete: problems.complete,
      problems: problems.list,
    };
  } finally {
    signal.removeEventListener('abort', abort);
    const groupClient = await secondConnection;
    await Promise.all(
      [client, groupClient].map(open => open?.unbind().catch(() => {})),
    );
  }
}
