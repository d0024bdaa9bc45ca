import { ldifLine } from '@internal/demo-org';

/** Lower-cases a DN and drops insignificant spaces around `,` and `=`. */
export function normalizeDn(dn: string): string {
  return dn
    .split(',')
    .map(rdn =>
      rdn
        .split('=')
        .map(part => part.trim())
        .join('='),
    )
    .join(',')
    .toLowerCase();
}

function unfold(ldif: string): string {
  return ldif.replace(/\r?\n /g, '');
}

function decodeDnLine(line: string): string | undefined {
  if (line.startsWith('dn::')) {
    return Buffer.from(line.slice(4).trim(), 'base64').toString('utf8');
  }
  if (line.startsWith('dn:')) {
    return line.slice(3).trim();
  }
  return undefined;
}

/** Whether the LDIF contains a record for `dn`. */
export function ldifContainsEntry(ldif: string, dn: string): boolean {
  const wanted = normalizeDn(dn);
  return unfold(ldif)
    .split(/\r?\n/)
    .some(line => {
      const recordDn = decodeDnLine(line);
      return recordDn !== undefined && normalizeDn(recordDn) === wanted;
    });
}

/**
 * The LDIF record of a minimal entry for the suffix itself, derived from its
 * first RDN; undefined when the RDN type is not one of dc, o, ou or c.
 */
export function suffixEntryLdif(suffix: string): string | undefined {
  const match = /^\s*([A-Za-z]+)\s*=\s*([^,]+?)\s*(,|$)/.exec(suffix);
  if (!match) {
    return undefined;
  }
  const type = match[1].toLowerCase();
  const value = match[2];
  const lines: Record<string, string[]> = {
    dc: [
      'objectClass: top',
      'objectClass: dcObject',
      'objectClass: organization',
      ldifLine('dc', value),
      ldifLine('o', value),
    ],
    o: ['objectClass: top', 'objectClass: organization', ldifLine('o', value)],
    ou: [
      'objectClass: top',
      'objectClass: organizationalUnit',
      ldifLine('ou', value),
    ],
    c: ['objectClass: top', 'objectClass: country', ldifLine('c', value)],
  };
  if (!(type in lines)) {
    return undefined;
  }
  return [ldifLine('dn', suffix), ...lines[type]].join('\n');
}

/** Prepends the suffix entry to the LDIF unless it is already there. */
export function withSuffixEntry(ldif: string, suffix: string): string {
  if (ldifContainsEntry(ldif, suffix)) {
    return ldif;
  }
  const entry = suffixEntryLdif(suffix);
  if (!entry) {
    return ldif;
  }
  const version = /^\s*version:\s*1[ \t]*\r?\n/.exec(ldif)?.[0] ?? '';
  const records = ldif.slice(version.length);
  return records.trim() === ''
    ? `${version}${entry}\n`
    : `${version}${entry}\n\n${records}`;
}
