/** RFC 2849 folds lines longer than this; continuation lines start with a space. */
export const LDIF_LINE_WIDTH = 76;

/**
 * Whether a value is a SAFE-STRING per RFC 2849 and can be written as
 * `attr: value`: only ASCII 0x01-0x7F without CR and LF, not starting with
 * space, `:` or `<`, and (as the RFC recommends) not ending with a space.
 */
export function isSafeLdifValue(value: string): boolean {
  if (value === '') {
    return true;
  }
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code === 0x00 || code === 0x0a || code === 0x0d || code > 0x7f) {
      return false;
    }
  }
  const first = value[0];
  if (first === ' ' || first === ':' || first === '<') {
    return false;
  }
  return !value.endsWith(' ');
}

/**
 * One `attr: value` line, or `attr:: base64` when the value is not a
 * SAFE-STRING, folded at {@link LDIF_LINE_WIDTH} characters.
 */
export function ldifLine(attribute: string, value: string): string {
  const line = isSafeLdifValue(value)
    ? `${attribute}: ${value}`
    : `${attribute}:: ${Buffer.from(value, 'utf8').toString('base64')}`;
  return foldLdifLine(line);
}

/**
 * Folds a line (all ASCII, as ldifLine produces) into a first line of
 * {@link LDIF_LINE_WIDTH} characters and continuation lines of one space plus
 * up to {@link LDIF_LINE_WIDTH} - 1 characters.
 */
export function foldLdifLine(line: string): string {
  if (line.length <= LDIF_LINE_WIDTH) {
    return line;
  }
  const parts = [line.slice(0, LDIF_LINE_WIDTH)];
  for (
    let start = LDIF_LINE_WIDTH;
    start < line.length;
    start += LDIF_LINE_WIDTH - 1
  ) {
    parts.push(` ${line.slice(start, start + LDIF_LINE_WIDTH - 1)}`);
  }
  return parts.join('\n');
}

/** One LDIF attribute: a name and its values, in order. */
export type LdifAttribute = [attribute: string, ...values: string[]];

/** An LDIF entry as text: the `dn` line followed by every attribute value. */
export function ldifEntry(dn: string, attributes: LdifAttribute[]): string {
  const lines = [ldifLine('dn', dn)];
  for (const [attribute, ...values] of attributes) {
    for (const value of values) {
      lines.push(ldifLine(attribute, value));
    }
  }
  return lines.join('\n');
}
