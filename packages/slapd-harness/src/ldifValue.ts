const NUL = 0x00;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const COLON = 0x3a;
const LESS_THAN = 0x3c;

/** SAFE-CHAR of RFC 2849: any ASCII except NUL, LF and CR. */
function isSafeChar(code: number): boolean {
  return code !== NUL && code !== LF && code !== CR && code <= 0x7f;
}

/** SAFE-INIT-CHAR of RFC 2849: a SAFE-CHAR other than space, `:` and `<`. */
function isSafeInitChar(code: number): boolean {
  return (
    isSafeChar(code) && code !== SPACE && code !== COLON && code !== LESS_THAN
  );
}

function isSafeString(value: string): boolean {
  const codes = Array.from(value, character => character.charCodeAt(0));
  return (
    isSafeInitChar(codes[0]) &&
    codes.every(isSafeChar) &&
    codes[codes.length - 1] !== SPACE
  );
}

/**
 * Formats one `attribute: value` LDIF line, switching to the base64 form
 * (`attribute:: ...`) for values LDIF cannot carry verbatim (RFC 2849), such
 * as non-ASCII text or values with leading/trailing spaces.
 */
export function ldifLine(attribute: string, value: string): string {
  if (value === '') {
    return `${attribute}:`;
  }
  if (isSafeString(value)) {
    return `${attribute}: ${value}`;
  }
  return `${attribute}:: ${Buffer.from(value, 'utf8').toString('base64')}`;
}
