/**
 * Distinguished names (RFC 4514): a canonical form for comparisons and the
 * value of the first RDN.
 *
 * Servers do not return DNs in one spelling: slapd writes `cn=Smith\2C Jane`
 * where a config or another server writes `cn=Smith\, Jane`, attribute types
 * and values differ in case, and older tools put spaces after commas. Every
 * DN that is compared goes through {@link normalizeDn} first.
 */

/** One attribute type and value of an RDN, the value unescaped. */
interface Ava {
  type: string;
  value: string;
  /** True for the `#<hex>` (BER) form, which is kept as written. */
  hex: boolean;
}

const HEX_PAIR = /^[0-9a-fA-F]{2}$/;
// Escaped in the canonical form: exactly the characters that make a DN take
// the slow path (or would end a value), so both paths agree. `<`, `>`, `=`
// and NUL may appear unescaped in a canonical value.
const CANONICAL_ESCAPED = new Set(['"', '+', ',', ';', '\\']);

/** True when the DN can only be normalised by parsing it. */
function needsParsing(dn: string): boolean {
  return (
    dn.includes('\\') ||
    dn.includes('"') ||
    dn.includes('+') ||
    dn.includes(';') ||
    dn.includes(' ,') ||
    dn.includes(', ') ||
    dn.includes(' =') ||
    dn.includes('= ') ||
    dn.charCodeAt(0) === 32 ||
    dn.charCodeAt(dn.length - 1) === 32
  );
}

class DnParser {
  private position = 0;
  private readonly bytes: number[] = [];

  constructor(private readonly dn: string) {}

  /** Parses up to `limit` RDNs; throws on malformed input. */
  parse(limit = Number.POSITIVE_INFINITY): Ava[][] {
    const rdns: Ava[][] = [];
    this.skipSpaces();
    if (this.position >= this.dn.length) {
      return rdns;
    }
    while (rdns.length < limit) {
      const rdn: Ava[] = [this.readAva()];
      while (this.peek() === '+') {
        this.position++;
        rdn.push(this.readAva());
      }
      rdns.push(rdn);
      const separator = this.peek();
      if (separator === undefined) {
        break;
      }
      if (separator !== ',' && separator !== ';') {
        throw new Error(`unexpected "${separator}" at ${this.position}`);
      }
      this.position++;
    }
    return rdns;
  }

  private peek(): string | undefined {
    return this.position < this.dn.length ? this.dn[this.position] : undefined;
  }

  private skipSpaces() {
    while (this.dn.charCodeAt(this.position) === 32) {
      this.position++;
    }
  }

  private readAva(): Ava {
    this.skipSpaces();
    const equals = this.dn.indexOf('=', this.position);
    if (equals < 0) {
      throw new Error(`missing "=" after position ${this.position}`);
    }
    const type = this.dn.slice(this.position, equals).trim();
    if (type === '' || /[,+;"\\]/.test(type)) {
      throw new Error(`invalid attribute type "${type}"`);
    }
    this.position = equals + 1;
    this.skipSpaces();
    if (this.peek() === '#') {
      return { type, value: this.readHexValue(), hex: true };
    }
    if (this.peek() === '"') {
      return { type, value: this.readQuotedValue(), hex: false };
    }
    return { type, value: this.readStringValue(), hex: false };
  }

  private readHexValue(): string {
    const start = this.position;
    while (
      this.position < this.dn.length &&
      !',+;'.includes(this.dn[this.position])
    ) {
      this.position++;
    }
    return this.dn.slice(start, this.position).trim();
  }

  private readQuotedValue(): string {
    this.position++;
    let value = '';
    while (this.position < this.dn.length && this.dn[this.position] !== '"') {
      value +=
        this.dn[this.position] === '\\'
          ? this.readEscape()
          : this.dn[this.position++];
    }
    if (this.position >= this.dn.length) {
      throw new Error('unterminated quoted value');
    }
    this.position++;
    this.skipSpaces();
    return value;
  }

  private readStringValue(): string {
    let value = '';
    // Length of `value` up to its last escaped or non-space character, so
    // unescaped trailing spaces are dropped and escaped ones kept.
    let significant = 0;
    while (this.position < this.dn.length) {
      const char = this.dn[this.position];
      if (char === ',' || char === '+' || char === ';') {
        break;
      }
      if (char === '\\') {
        value += this.readEscape();
        significant = value.length;
      } else {
        value += char;
        this.position++;
        if (char !== ' ') {
          significant = value.length;
        }
      }
    }
    return value.slice(0, significant);
  }

  /** Reads one escape (or a run of hex escapes forming UTF-8). */
  private readEscape(): string {
    const pair = this.dn.slice(this.position + 1, this.position + 3);
    if (!HEX_PAIR.test(pair)) {
      const char = this.dn[this.position + 1];
      if (char === undefined) {
        throw new Error('DN ends with a lone backslash');
      }
      this.position += 2;
      return char;
    }
    this.bytes.length = 0;
    while (
      this.dn[this.position] === '\\' &&
      HEX_PAIR.test(this.dn.slice(this.position + 1, this.position + 3))
    ) {
      this.bytes.push(
        parseInt(this.dn.slice(this.position + 1, this.position + 3), 16),
      );
      this.position += 3;
    }
    return Buffer.from(this.bytes).toString('utf8');
  }
}

function escapeCanonical(value: string): string {
  let escaped = '';
  for (let index = 0; index < value.length; index++) {
    const char = value[index];
    if (CANONICAL_ESCAPED.has(char)) {
      escaped += `\\${char}`;
    } else if (
      (index === 0 && (char === ' ' || char === '#')) ||
      (index === value.length - 1 && char === ' ')
    ) {
      escaped += `\\${char}`;
    } else {
      escaped += char;
    }
  }
  return escaped;
}

function canonicalAva(ava: Ava): string {
  return `${ava.type}=${ava.hex ? ava.value : escapeCanonical(ava.value)}`;
}

/**
 * The canonical, lower-case form of a DN, so that two spellings of the same
 * DN compare equal: escapes decoded (`\2C` and `\,` alike, hex runs as
 * UTF-8), insignificant spaces dropped, multi-valued RDNs sorted, attribute
 * types and values lower-cased. Throws on a malformed DN.
 *
 * DNs without backslashes, quotes, `+`, `;` or spaces around separators (the
 * common case) only need lower-casing and take a fast path, which does not
 * check the syntax; use {@link isValidDn} to check a DN.
 *
 * @public
 */
export function normalizeDn(dn: string): string {
  if (!needsParsing(dn)) {
    return dn.toLowerCase();
  }
  const rdns = new DnParser(dn).parse();
  return rdns
    .map(rdn =>
      rdn.length === 1
        ? canonicalAva(rdn[0])
        : rdn.map(canonicalAva).sort().join('+'),
    )
    .join(',')
    .toLowerCase();
}

/** True when the DN parses (RFC 4514, with the usual RFC 2253 leniency). */
export function isValidDn(dn: string): boolean {
  try {
    return new DnParser(dn).parse().length > 0;
  } catch {
    return false;
  }
}

/**
 * Like {@link normalizeDn}, but returns undefined for a DN it cannot parse
 * instead of throwing.
 */
export function tryNormalizeDn(dn: string): string | undefined {
  try {
    return normalizeDn(dn);
  } catch {
    return undefined;
  }
}

/**
 * The unescaped value of the first attribute of the first RDN, as written:
 * `jsmith` for `uid=jsmith,ou=people,...`, `Smith, Jane` for
 * `cn=Smith\2C Jane,...`. Empty for an empty or malformed DN.
 */
export function firstRdnValue(dn: string): string {
  const equals = dn.indexOf('=');
  if (equals > 0 && !dn.includes('\\') && !dn.includes('"')) {
    // Nothing escaped: the value runs up to the first separator.
    let end = equals + 1;
    while (end < dn.length) {
      const char = dn.charCodeAt(end);
      if (char === 44 || char === 43 || char === 59) {
        break; // , + ;
      }
      end++;
    }
    return dn.slice(equals + 1, end).trim();
  }
  try {
    const [first] = new DnParser(dn).parse(1);
    return first?.[0]?.value ?? '';
  } catch {
    return '';
  }
}

/**
 * Escapes an attribute value for use in a DN (RFC 4514 section 2.4):
 * `"`, `+`, `,`, `;`, `<`, `>`, `\` and `=` get a backslash, a leading `#`
 * or space and a trailing space are escaped, and NUL and other control
 * characters become `\XX` hex pairs. Non-ASCII characters are kept (UTF-8).
 *
 * @example escapeDnValue('Smith, Jane') === 'Smith\\, Jane'
 *
 * @public
 */
export function escapeDnValue(value: string): string {
  let escaped = '';
  for (const [index, char] of Array.from(value).entries()) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f) {
      escaped += `\\${code.toString(16).padStart(2, '0')}`;
    } else if ('"+,;<>\\='.includes(char)) {
      escaped += `\\${char}`;
    } else if (
      (index === 0 && (char === '#' || char === ' ')) ||
      (index === Array.from(value).length - 1 && char === ' ')
    ) {
      escaped += `\\${char}`;
    } else {
      escaped += char;
    }
  }
  return escaped;
}
