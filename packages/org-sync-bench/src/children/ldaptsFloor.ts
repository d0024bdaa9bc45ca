/*
 * Contender "floor-ldapts": the floor's two searches done from Node with
 * ldapts (the client library our LDAP source uses), two connections at once,
 * paged, entries counted and dropped page by page. What a Node process needs
 * at least to read the same data; nothing is mapped or kept. Timed from just
 * before the binds until both searches are done.
 */
import { Client } from 'ldapts';
import {
  ChildResult,
  ChildSearch,
  errorText,
  finish,
  readChildParams,
  rssMB,
  startCpuProfile,
} from './protocol';

async function dump(
  url: string,
  bindDn: string,
  password: string,
  search: ChildSearch,
): Promise<{ entries: number; ms: number }> {
  const start = performance.now();
  const client = new Client({ url });
  try {
    await client.bind(bindDn, password);
    let entries = 0;
    for await (const page of client.searchPaginated(search.baseDn, {
      scope: search.scope,
      filter: search.filter,
      attributes: search.attributes,
      paged: { pageSize: search.pageSize },
    })) {
      entries += page.searchEntries.length;
    }
    return { entries, ms: performance.now() - start };
  } finally {
    await client.unbind().catch(() => {});
  }
}

async function main(): Promise<ChildResult> {
  const params = readChildParams();
  const { directory, searches } = params;
  if (!searches) {
    throw new Error('searches are required');
  }
  const baseRssMB = rssMB();
  const stopProfile = await startCpuProfile(params);
  const start = performance.now();
  const [users, groups] = await Promise.all([
    dump(
      directory.url,
      directory.bindDn,
      directory.bindPassword,
      searches.users,
    ),
    dump(
      directory.url,
      directory.bindDn,
      directory.bindPassword,
      searches.groups,
    ),
  ]);
  const wallMs = performance.now() - start;
  const cpuProfile = await stopProfile();
  return {
    ok: true,
    wallMs,
    users: users.entries,
    groups: groups.entries,
    baseRssMB,
    phases: { usersSearch: users.ms, groupsSearch: groups.ms },
    details: { searches, cpuProfile },
  };
}

main().then(finish, error => finish({ ok: false, error: errorText(error) }));
