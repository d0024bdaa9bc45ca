/**
 * The `rel="next"` target of an RFC 8288 `Link` header, as GitLab sends it
 * for both offset and keyset pagination, or undefined.
 */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!match) continue;
    const rels = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(match[2]);
    if (rels && rels[1].trim().split(/\s+/).includes('next')) {
      return match[1];
    }
  }
  return undefined;
}
