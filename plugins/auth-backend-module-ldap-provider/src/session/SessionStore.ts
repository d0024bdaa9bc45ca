import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { LdapAuthResult } from '../ldap/types';
import { SESSIONS_TABLE } from './migrations';

/** A stored session. */
export interface LdapSession {
  env: string;
  result: LdapAuthResult;
  expiresAt: number;
}

/** Session ids are 32 random bytes, base64url (43 characters). */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

function hashId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/**
 * Server-side sessions in the auth plugin's database. The browser holds an
 * opaque random id; only its sha256 is stored, so a database dump gives no
 * usable cookie. Works across replicas.
 */
export class SessionStore {
  constructor(
    private readonly knex: Knex,
    private readonly now: () => number = Date.now,
  ) {}

  /** Stores a new session and returns its id (for the cookie). */
  async create(
    env: string,
    result: LdapAuthResult,
    durationMs: number,
  ): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    const now = this.now();
    await this.knex(SESSIONS_TABLE).insert({
      id_hash: hashId(id),
      env,
      result: JSON.stringify(result),
      created_at: now,
      expires_at: now + durationMs,
    });
    return id;
  }

  /** The live session with this id in this environment, if any. */
  async get(id: unknown, env: string): Promise<LdapSession | undefined> {
    if (typeof id !== 'string' || !SESSION_ID.test(id)) {
      return undefined;
    }
    const row = await this.knex(SESSIONS_TABLE)
      .where({ id_hash: hashId(id), env })
      .first();
    if (!row || Number(row.expires_at) <= this.now()) {
      return undefined;
    }
    return {
      env: row.env,
      result: JSON.parse(row.result),
      expiresAt: Number(row.expires_at),
    };
  }

  /** Revokes a session (logout, user gone). */
  async revoke(id: unknown): Promise<void> {
    if (typeof id !== 'string' || !SESSION_ID.test(id)) {
      return;
    }
    await this.knex(SESSIONS_TABLE)
      .where({ id_hash: hashId(id) })
      .delete();
  }

  /** Deletes expired sessions; returns how many. */
  async purgeExpired(): Promise<number> {
    return await this.knex(SESSIONS_TABLE)
      .where('expires_at', '<=', this.now())
      .delete();
  }
}
