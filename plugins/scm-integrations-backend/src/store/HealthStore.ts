import type { Knex } from 'knex';
import type {
  CredentialHealth,
  ScmIntegrationType,
} from '@identity-portal/plugin-scm-integrations-common';

const TABLE = 'scm_integrations_credential_health';

/** The health of one credential of one host. */
export interface StoredCredentialHealth {
  integrationType: ScmIntegrationType;
  host: string;
  health: CredentialHealth;
}

/**
 * The latest check of every credential, in the plugin's database, so that
 * every replica serves the report of whichever replica ran the checks.
 */
export class HealthStore {
  constructor(private readonly knex: Knex) {}

  async list(): Promise<StoredCredentialHealth[]> {
    const rows = await this.knex(TABLE).select(
      'integration_type',
      'host',
      'health',
    );
    return rows.map(row => ({
      integrationType: row.integration_type,
      host: row.host,
      health: JSON.parse(row.health),
    }));
  }

  /** Replaces the stored results with one complete run. */
  async replaceAll(entries: StoredCredentialHealth[]): Promise<void> {
    await this.knex.transaction(async tx => {
      await tx(TABLE).delete();
      if (entries.length) {
        await tx(TABLE).insert(
          entries.map(entry => ({
            integration_type: entry.integrationType,
            host: entry.host.toLowerCase(),
            credential_id: entry.health.id,
            status: entry.health.status,
            checked_at: entry.health.checkedAt,
            health: JSON.stringify(entry.health),
          })),
        );
      }
    });
  }
}
