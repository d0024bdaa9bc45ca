import type { LdapClient } from '@identity-portal/ldap-node';
import { parseRange, textsOf } from './attributePlan';

/**
 * Active Directory returns at most MaxValRange (1,500 by default) values of
 * a multi-valued attribute per entry; the first chunk comes back as
 * `member;range=0-1499` and `member` itself is empty. This reads the rest,
 * `member;range=1500-*`, `member;range=3000-*`, ..., with base-scope
 * searches on the group, until the server answers with a range ending in
 * `*`. Returns the values beyond the first chunk (raw DNs).
 */
export async function readRemainingRanges(
  client: LdapClient,
  groupDn: string,
  attribute: string,
  start: number,
  signal: AbortSignal,
): Promise<string[]> {
  const values: string[] = [];
  const prefix = `${attribute.toLowerCase()};range=`;
  let next: number | undefined = start;
  while (next !== undefined) {
    signal.throwIfAborted();
    const { searchEntries } = await client.search(groupDn, {
      scope: 'base',
      filter: '(objectClass=*)',
      attributes: [`${attribute};range=${next}-*`],
    });
    const entry = searchEntries[0];
    const type = entry
      ? Object.keys(entry).find(key => key.toLowerCase().startsWith(prefix))
      : undefined;
    if (!entry || !type) {
      throw new Error(
        `${groupDn} returned no ${attribute};range=${next}-* values`,
      );
    }
    values.push(...textsOf(entry[type]));
    const range = parseRange(type);
    if (!range) {
      throw new Error(`${groupDn} returned an unreadable range "${type}"`);
    }
    if (range.next !== undefined && range.next <= next) {
      throw new Error(`${groupDn} returned the range "${type}" again`);
    }
    next = range.next;
  }
  return values;
}
