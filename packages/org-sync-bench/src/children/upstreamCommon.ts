/*
 * Shared by the upstream contenders: the provider config a user would write
 * for the bench directory, and one measured read().
 */
import type { JsonObject } from '@backstage/types';
import {
  LdapClient,
  LdapOrgEntityProvider,
} from '@backstage/plugin-catalog-backend-module-ldap';
import type {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import {
  ChildParams,
  ChildResult,
  DirectoryParams,
  heapUsedMB,
  rssMB,
  startCpuProfile,
  peakRssMB,
} from './protocol';

type Mark = { at: number; rssMB: number; heapUsedMB: number };

function mark(): Mark {
  return { at: performance.now(), rssMB: rssMB(), heapUsedMB: heapUsedMB() };
}

/**
 * `catalog.providers.ldapOrg.bench` as a user would configure this
 * directory: base DNs and filters, `paged: true`, the default maps and
 * attributes (`*` and `+`).
 */
export function upstreamConfig(
  directory: DirectoryParams,
  schedule?: JsonObject,
): JsonObject {
  return {
    catalog: {
      providers: {
        ldapOrg: {
          bench: {
            target: directory.url,
            bind: { dn: directory.bindDn, secret: directory.bindPassword },
            users: {
              dn: directory.usersBaseDn,
              options: { filter: directory.usersFilter, paged: true },
            },
            groups: {
              dn: directory.groupsBaseDn,
              options: { filter: directory.groupsFilter, paged: true },
            },
            ...(schedule ? { schedule } : {}),
          },
        },
      },
    },
  };
}

/**
 * Connects the provider, then times one `read()` from its start until the
 * full mutation reaches applyMutation, with phase marks around the bind and
 * the two searches (instrumentation only: the wrapped methods call through).
 */
export async function measureUpstreamRead(
  provider: LdapOrgEntityProvider,
  params: ChildParams,
): Promise<ChildResult> {
  const marks: Record<string, Mark> = {};
  const searches: Array<{
    dn: string;
    entries: number;
    attributesPerEntry: number;
    attributeNames: string[];
  }> = [];
  const originalCreate = LdapClient.create.bind(LdapClient);
  LdapClient.create = async (...args: Parameters<typeof LdapClient.create>) => {
    marks.bindStart = mark();
    const client = await originalCreate(...args);
    marks.bindEnd = mark();
    return client;
  };
  const originalSearch = LdapClient.prototype.search;
  LdapClient.prototype.search = async function search(
    this: LdapClient,
    dn,
    options,
  ) {
    const n = searches.length;
    marks[`search${n}Start`] = mark();
    const result = await originalSearch.call(this, dn, options);
    marks[`search${n}End`] = mark();
    const entries = result.searchEntries;
    let attributes = 0;
    for (const entry of entries) {
      attributes += Object.keys(entry).length;
    }
    searches.push({
      dn,
      entries: entries.length,
      attributesPerEntry: entries.length ? attributes / entries.length : 0,
      attributeNames: entries.length ? Object.keys(entries[0]) : [],
    });
    return result;
  };

  let mutation: EntityProviderMutation | undefined;
  let applyMark: Mark | undefined;
  let peakAtCommit: number | undefined;
  const connection: EntityProviderConnection = {
    async applyMutation(m) {
      applyMark = mark();
      // Peak RSS up to the commit, the same section as ours reports.
      peakAtCommit = peakRssMB();
      mutation = m;
    },
    async refresh() {},
  };
  await provider.connect(connection);

  const stopProfile = await startCpuProfile(params);
  const start = mark();
  await provider.read();
  const end = mark();
  const cpuProfile = await stopProfile();
  if (!mutation || !applyMark) {
    throw new Error('read() returned without calling applyMutation');
  }
  if (mutation.type !== 'full') {
    throw new Error(`expected a full mutation, got ${mutation.type}`);
  }

  let users = 0;
  let groups = 0;
  for (const { entity } of mutation.entities) {
    if (entity.kind === 'User') users++;
    else if (entity.kind === 'Group') groups++;
  }

  const between = (from: Mark | undefined, to: Mark | undefined) =>
    from && to ? to.at - from.at : undefined;
  const phases: Record<string, number | undefined> = {
    bind: between(marks.bindStart, marks.bindEnd),
    rootDse: between(marks.bindEnd, marks.search0Start),
    usersSearch: between(marks.search0Start, marks.search0End),
    usersTransform: between(marks.search0End, marks.search1Start),
    groupsSearch: between(marks.search1Start, marks.search1End),
    groupsTransformResolve: between(marks.search1End, applyMark),
  };
  const memory = Object.fromEntries(
    Object.entries({ start, ...marks, applyMutation: applyMark, end }).map(
      ([name, m]) => [
        name,
        { rssMB: round(m.rssMB), heapUsedMB: round(m.heapUsedMB) },
      ],
    ),
  );

  return {
    ok: true,
    wallMs: applyMark.at - start.at,
    users,
    groups,
    baseRssMB: start.rssMB,
    peakRssMB: peakAtCommit,
    phases: Object.fromEntries(
      Object.entries(phases).filter(([, v]) => v !== undefined),
    ) as Record<string, number>,
    details: {
      cpuProfile,
      searches,
      memory,
      commitReturnMs: end.at - applyMark.at,
      // Keep one entity of each kind as a sample of what upstream emits.
      sampleUser: mutation.entities.find(e => e.entity.kind === 'User')?.entity,
      sampleGroup: mutation.entities.find(e => e.entity.kind === 'Group')
        ?.entity,
    },
  };
}

function round(v: number) {
  return Math.round(v * 10) / 10;
}
