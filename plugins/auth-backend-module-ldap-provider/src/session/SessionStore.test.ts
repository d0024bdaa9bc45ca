import knexFactory, { Knex } from 'knex';
import { migrateSessionTables, SESSIONS_TABLE } from './migrations';
import { SessionStore } from './SessionStore';

const RESULT = {
  username: 'alice',
  dn: 'uid=alice,ou=people,dc=example,dc=com',
  uuid: '1b7d4e2a-0000-1000-8000-000000000001',
  profile: { email: 'alice@example.com' },
};

describe('SessionStore', () => {
  let knex: Knex;
  let now = 1_000_000;
  let store: SessionStore;

  beforeEach(async () => {
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    await migrateSessionTables(knex);
    now = 1_000_000;
    store = new SessionStore(knex, () => now);
  });

  afterEach(() => knex.destroy());

  it('stores only the hash of a random id', async () => {
    const id = await store.create('development', RESULT, 60_000);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await knex(SESSIONS_TABLE);
    expect(rows).toHaveLength(1);
    expect(rows[0].id_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(id);
    expect(await store.get(id, 'development')).toEqual({
      env: 'development',
      result: RESULT,
      expiresAt: 1_060_000,
    });
  });

  it('expires sessions', async () => {
    const id = await store.create('development', RESULT, 60_000);
    now += 59_999;
    expect(await store.get(id, 'development')).toBeDefined();
    now += 1;
    expect(await store.get(id, 'development')).toBeUndefined();
    expect(await store.purgeExpired()).toBe(1);
    expect(await knex(SESSIONS_TABLE)).toHaveLength(0);
  });

  it('revokes sessions', async () => {
    const id = await store.create('development', RESULT, 60_000);
    await store.revoke(id);
    expect(await store.get(id, 'development')).toBeUndefined();
  });

  it.each([undefined, '', 'x', 'A'.repeat(43), 'A'.repeat(44), 42, {}])(
    'finds nothing for %j',
    async id => {
      await store.create('development', RESULT, 60_000);
      expect(await store.get(id, 'development')).toBeUndefined();
      await store.revoke(id);
    },
  );

  it('keeps environments apart', async () => {
    const id = await store.create('development', RESULT, 60_000);
    expect(await store.get(id, 'production')).toBeUndefined();
  });

  it('uses its own migrations table', async () => {
    expect(await knex.schema.hasTable('ldap_auth_knex_migrations')).toBe(true);
    expect(await knex.schema.hasTable('knex_migrations')).toBe(false);
  });
});
