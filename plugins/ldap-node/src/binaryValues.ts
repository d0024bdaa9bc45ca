/**
 * Binary attribute values (Active Directory `objectGUID`, `objectSid`) and
 * how they become strings.
 */

/** How a binary value of an attribute is turned into text. */
export type BinaryFormat = 'guid' | 'sid' | 'hex';

const GUID_ATTRIBUTES = new Set(['objectguid', 'ms-ds-consistencyguid']);
const SID_ATTRIBUTES = new Set(['objectsid']);

/**
 * Attributes that must always be read as binary (ldapts
 * `explicitBufferAttributes`): a GUID's 16 bytes can happen to be valid UTF-8
 * and would otherwise arrive as a garbled string.
 */
export const KNOWN_BINARY_ATTRIBUTES = [
  'objectGUID',
  'objectSid',
  'mS-DS-ConsistencyGuid',
];

/** The text format for binary values of the (lower-case) attribute. */
export function binaryFormatOf(attributeLower: string): BinaryFormat {
  if (GUID_ATTRIBUTES.has(attributeLower)) {
    return 'guid';
  }
  if (SID_ATTRIBUTES.has(attributeLower)) {
    return 'sid';
  }
  return 'hex';
}

/** True for attributes that are read as binary. */
export function isBinaryAttribute(attributeLower: string): boolean {
  return binaryFormatOf(attributeLower) !== 'hex';
}

function hex(byte: number): string {
  return byte < 16 ? `0${byte.toString(16)}` : byte.toString(16);
}

/**
 * Formats a 16-byte Active Directory GUID as its standard string, the first
 * three groups little-endian: bytes `00 11 22 33 44 55 66 77 88 99 aa ...`
 * give `33221100-5544-7766-8899-aabbccddeeff` (lower case, no braces, as
 * `[guid]` in PowerShell and the upstream LDAP provider print it). Other
 * lengths are returned as plain hex.
 *
 * @public
 */
export function formatGuid(bytes: Uint8Array): string {
  if (bytes.length !== 16) {
    return Buffer.from(bytes).toString('hex');
  }
  const b = Array.from(bytes, hex);
  return (
    `${b[3]}${b[2]}${b[1]}${b[0]}-${b[5]}${b[4]}-${b[7]}${b[6]}-` +
    `${b[8]}${b[9]}-${b[10]}${b[11]}${b[12]}${b[13]}${b[14]}${b[15]}`
  );
}

/**
 * Formats a binary security identifier as `S-1-5-21-...`: revision, 48-bit
 * big-endian identifier authority, then little-endian 32-bit sub-authorities.
 * Malformed input is returned as plain hex.
 *
 * @public
 */
export function formatSid(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes);
  if (buffer.length < 8 || buffer.length !== 8 + buffer[1] * 4) {
    return buffer.toString('hex');
  }
  const authority = buffer.readUIntBE(2, 6);
  const parts = [`S-${buffer[0]}-${authority}`];
  for (let offset = 8; offset < buffer.length; offset += 4) {
    parts.push(String(buffer.readUInt32LE(offset)));
  }
  return parts.join('-');
}

/** Turns one binary value into text according to `format`. */
export function formatBinary(bytes: Uint8Array, format: BinaryFormat): string {
  switch (format) {
    case 'guid':
      return formatGuid(bytes);
    case 'sid':
      return formatSid(bytes);
    default:
      return Buffer.from(bytes).toString('hex');
  }
}
