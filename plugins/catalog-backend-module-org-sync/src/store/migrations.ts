import type { Knex } from 'knex';

type Migration = { name: string } & Pick<Knex.Migration, 'up' | 'down'>;

const migrations: Migration[] = [
  {
    name: '20261126_org_sync_init',
    async up(knex) {
      await knex.schema.createTable('org_sync_entities', table => {
        table.comment('The set each org sync provider last committed');
        table.string('provider_id', 255).notNullable();
        table.string('entity_ref', 512).notNullable().comment('lower case');
        table.string('kind', 16).notNullable();
        table.string('name', 63).notNullable().comment('lower case');
        table.text('source_keys').notNullable().comment('JSON array');
        table.string('hash', 64).notNullable();
        table.text('entity').notNullable().comment('JSON');
        table.primary(['provider_id', 'entity_ref']);
      });
      await knex.schema.createTable('org_sync_status', table => {
        table.comment('Status of the last runs of each org sync provider');
        table.string('provider_id', 255).primary();
        table.text('status').notNullable().comment('JSON');
      });
    },
    async down(knex) {
      await knex.schema.dropTable('org_sync_status');
      await knex.schema.dropTable('org_sync_entities');
    },
  },
];

/** The org sync tables' migrations, kept in code so they ship inside dist. */
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

/** Brings the org sync tables up to date. */
export async function migrateOrgSyncTables(knex: Knex): Promise<void> {
  await knex.migrate.latest({
    migrationSource,
    tableName: 'org_sync_knex_migrations',
  });
}
