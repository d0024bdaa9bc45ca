import type { Knex } from 'knex';
import type { RunReport } from '../provider/runReport';

/** What the status route shows for one provider. */
export type ProviderStatus = {
  providerId: string;
  /** The last run that was not a dry run. */
  lastRun?: RunReport;
  /** When a run last committed (fully or without removals). */
  lastSuccessAt?: string;
  /** The last run that failed or was refused, kept after later successes. */
  lastFailure?: RunReport;
};

/**
 * Status of each provider, kept in the database so that the replica that
 * answers the status route tells what the replica that ran the sync saw.
 */
export class StatusStore {
  constructor(private readonly knex: Knex) {}

  async get(providerId: string): Promise<ProviderStatus | undefined> {
    const row = await this.knex('org_sync_status')
      .where({ provider_id: providerId })
      .first();
    return row ? JSON.parse(row.status) : undefined;
  }

  /** Records a finished run and returns the new status. */
  async recordRun(providerId: string, run: RunReport): Promise<ProviderStatus> {
    const before = (await this.get(providerId)) ?? { providerId };
    const succeeded =
      run.outcome === 'committed' ||
      run.outcome === 'committed-without-removals';
    const status: ProviderStatus = {
      providerId,
      lastRun: run,
      lastSuccessAt: succeeded ? run.finishedAt : before.lastSuccessAt,
      lastFailure: succeeded ? before.lastFailure : run,
    };
    await this.knex('org_sync_status')
      .insert({ provider_id: providerId, status: JSON.stringify(status) })
      .onConflict('provider_id')
      .merge(['status']);
    return status;
  }
}
