import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const SCHEME = '{SSHA}';
const SHA1_LENGTH = 20;

/** Picks the salt for an account; receives the account's DN. */
export type SaltSource = (accountDn: string) => Buffer;

/**
 * `{SSHA}` userPassword value: base64(SHA-1(password + salt) + salt), the
 * salted SHA-1 scheme OpenLDAP's slappasswd produces. Random 8-byte salt
 * unless one is given.
 */
export function sshaHash(password: string, salt: Buffer = randomBytes(8)) {
  const digest = createHash('sha1')
    .update(Buffer.from(password, 'utf8'))
    .update(salt)
    .digest();
  return `${SCHEME}${Buffer.concat([digest, salt]).toString('base64')}`;
}

/** Whether `hashed` is an `{SSHA}` value for `password`. */
export function verifySsha(password: string, hashed: string): boolean {
  if (!hashed.startsWith(SCHEME)) {
    return false;
  }
  const decoded = Buffer.from(hashed.slice(SCHEME.length), 'base64');
  if (decoded.length <= SHA1_LENGTH) {
    return false;
  }
  const salt = decoded.subarray(SHA1_LENGTH);
  const expected = Buffer.from(
    sshaHash(password, salt).slice(SCHEME.length),
    'base64',
  );
  return timingSafeEqual(decoded, expected);
}

/**
 * A salt source that derives an 8-byte salt from a seed and the account DN,
 * so the same seed yields byte-identical LDIF.
 */
export function seededSalt(seed: string): SaltSource {
  return accountDn =>
    createHash('sha256')
      .update(`${seed}\0${accountDn}`, 'utf8')
      .digest()
      .subarray(0, 8);
}
