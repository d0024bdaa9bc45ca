/** One parsed LDIF record: its DN and every attribute's values, decoded. */
export interface ParsedEntry {
  dn: string;
  attributes: Map<string, string[]>;
}

/**
 * A deliberately independent, strict LDIF reader for tests: unfolds
 * continuation lines, decodes `::` base64 values as UTF-8, and rejects lines
 * it does not understand.
 */
export function parseLdif(ldif: string): ParsedEntry[] {
  const unfolded = ldif.replace(/\n /g, '');
  const records = unfolded
    .split(/\n{2,}/)
    .map(record => record.trim())
    .filter(record => record !== '' && record !== 'version: 1');
  return records.map(record => {
    const attributes = new Map<string, string[]>();
    let dn: string | undefined;
    for (const line of record.split('\n')) {
      const match = /^([A-Za-z][A-Za-z0-9-]*)(::?) ?(.*)$/.exec(line);
      if (!match) {
        throw new Error(`unparseable LDIF line: ${JSON.stringify(line)}`);
      }
      const [, attribute, separator, raw] = match;
      const value =
        separator === '::' ? Buffer.from(raw, 'base64').toString('utf8') : raw;
      if (attribute === 'dn') {
        dn = value;
        continue;
      }
      attributes.set(attribute, [...(attributes.get(attribute) ?? []), value]);
    }
    if (dn === undefined) {
      throw new Error(`record without dn: ${record}`);
    }
    return { dn, attributes };
  });
}

/** The single value of an attribute, failing loudly if there is not exactly one. */
export function single(entry: ParsedEntry, attribute: string): string {
  const values = entry.attributes.get(attribute) ?? [];
  if (values.length !== 1) {
    throw new Error(
      `${entry.dn}: expected one ${attribute}, got ${JSON.stringify(values)}`,
    );
  }
  return values[0];
}
