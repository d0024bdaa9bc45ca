/** Characters RFC 4514 (section 2.4) requires to be escaped anywhere in a value. */
const ALWAYS_ESCAPED = new Set(['"', '+', ',', ';', '<', '>', '\\']);

/**
 * Escapes an attribute value for use in an RDN, per RFC 4514 section 2.4:
 * `" + , ; < > \` anywhere, a leading space or `#`, a trailing space, and NUL
 * (as `\00`). Other characters, including non-ASCII ones, are kept as they are.
 *
 * @example escapeDnValue('Smith, Jane') === 'Smith\\, Jane'
 */
export function escapeDnValue(value: string): string {
  const chars = Array.from(value);
  return chars
    .map((char, index) => {
      if (char === '\0') {
        return '\\00';
      }
      if (ALWAYS_ESCAPED.has(char)) {
        return `\\${char}`;
      }
      if (index === 0 && (char === ' ' || char === '#')) {
        return `\\${char}`;
      }
      if (index === chars.length - 1 && char === ' ') {
        return '\\ ';
      }
      return char;
    })
    .join('');
}
