import type { Knex } from 'knex';

type Migration = { name: string } & Pick<Knex.Migration, 'up' | 'down'>;

/** Table of the LDAP sign-in sessions, in the auth plugin's database. */
export const SESSIONS_TABLE = 'ldap_auth_sessions';

const migrations: Migration[] = [
  {
    name: '20261126_ldap_auth_sessions',
    async up(knex) {
      await knex.schema.createTable(SESSIONS_TABLE, table => {
        table.comment('LDAP sign-in sessions; the browser holds only the id');
        table
          .string('id_hash', 64)
          .primary()
          .comment('sha256 (hex) of the session id in the cookie');
        table.string('env', 255).notNullable();
        table.text('result').notNullable().comment('JSON LdapAuthResult');
        table.bigInteger('created_at').notNullable().comment('epoch ms');
        table.bigInteger('expires_at').notNullable().comment('epoch ms');
        table.index(['expires_at'], 'ldap_auth_sessions_expires_at_idx');
      });
    },
    async down(knex) {
      await knex.schema.dropTable(SESSIONS_TABLE);
    },
  },
];

/** The migrations, kept in code so that they ship inside dist. */
export const migrationSource: Knex.MigrationSource<Migration> = {
  async getMigrations() {
    return migrations;
  },
  getMigrationName(migration) {
    return migration.name;
  },
  async getMigration(migration) {
    return migration;
  },
};

/** Brings the session table up to date (own migrations table). */
export async function migrateSessionTables(knex: Knex): Promise<void> {
  await knex.migrate.latest({
    migrationSource,
    tableName: 'ldap_auth_knex_migrations',
  });
}
