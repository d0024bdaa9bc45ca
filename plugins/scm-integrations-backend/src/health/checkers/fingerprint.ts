import { createHash } from 'node:crypto';

/** The last 4 hex digits of a secret's SHA-256: tells tokens apart, reveals nothing. */
export function fingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(-4);
}
