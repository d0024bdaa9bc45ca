import type { Knex } from 'knex';

type Migration = { name: string } & Pick<Knex.Migration, 'up' | 'down'>;

const migrations: Migration[] = [
  {
    name: '20261205_scm_integrations_health_init',
    async up(knex) {
      await knex.schema.createTable(
        'scm_integrations_credential_health',
        table => {
          table.comment(
            'The latest health check of each integration credential',
          );
          table.string('integration_type', 32).notNullable();
          table.string('host', 255).notNullable().comment('lower case');
          table.string('credential_id', 255).notNullable();
          table.string('status', 16).notNullable();
          table.string('checked_at', 32).notNullable().comment('ISO 8601');
          table
            .text('health')
            .notNullable()
            .comment('JSON CredentialHealth, no secret');
          table.primary(['integration_type', 'host', 'credential_id']);
        },
      );
    },
    async down(knex) {
      await knex.schema.dropTable('scm_integrations_credential_health');
    },
  },
];

/** The health table's migrations, kept in code so they ship inside dist. */
const migrationSource: Knex.MigrationSource<Migration> = {
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

/** Brings the health table up to date. */
export async function migrateHealthTables(knex: Knex): Promise<void> {
  await knex.migrate.latest({
    migrationSource,
    tableName: 'scm_integrations_knex_migrations',
  });
}
