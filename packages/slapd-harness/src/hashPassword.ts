import { createHash, randomBytes } from 'node:crypto';

/** Hashes a password in the `{SSHA}` scheme slapd understands. */
export function hashPasswordSsha(password: string): string {
  const salt = randomBytes(8);
  const digest = createHash('sha1')
    .update(password, 'utf8')
    .update(salt)
    .digest();
  return `{SSHA}${Buffer.concat([digest, salt]).toString('base64')}`;
}

/** A random password that is safe to pass around on command lines. */
export function randomPassword(): string {
  return randomBytes(18).toString('base64url');
}
