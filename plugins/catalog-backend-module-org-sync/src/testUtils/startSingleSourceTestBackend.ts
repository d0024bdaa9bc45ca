import type { BackendFeature } from '@backstage/backend-plugin-api';
import type { EntityProvider } from '@backstage/plugin-catalog-node';
import type { JsonObject } from '@backstage/types';
import type { Knex } from 'knex';
import type { RunReport } from '../provider/runReport';
import type { ProviderStatus } from '../store/StatusStore';
import type { OrgSyncRecorder } from './mutations';
import {
  startOrgSyncTestBackend,
  TEST_SCHEDULE,
} from './startOrgSyncTestBackend';

/** @public */
export type SingleSourceTestBackend = {
  provider: EntityProvider;
  /** The org sync routes, `http://localhost:<port>/api/catalog/org-sync`. */
  baseUrl: string;
  /** Runs one sync of the provider now. */
  refresh(): Promise<RunReport>;
  /** The provider's status route, as JSON; throws unless it answers 200. */
  status(): Promise<ProviderStatus & { [key: string]: any }>;
  stop(): Promise<void>;
};

/**
 * Starts the engine with one provider (`corp` unless told) whose only source
 * is `<type>.<sourceId>` = `source`, installed by `sourceModule`, with catalog
 * processing mocked and every mutation recorded.
 *
 * @public
 */
export async function startSingleSourceTestBackend(options: {
  knex: Knex;
  recorder: OrgSyncRecorder;
  sourceModule: BackendFeature;
  type: string;
  source: JsonObject;
  providerId?: string;
  sourceId?: string;
  /** Provider settings besides `schedule` and `sources`: `safety`, `merge`, … */
  engine?: JsonObject;
  /** Root config besides the org sync block, e.g. `integrations`. */
  config?: JsonObject;
  features?: BackendFeature[];
}): Promise<SingleSourceTestBackend> {
  const providerId = options.providerId ?? 'corp';
  const backend = await startOrgSyncTestBackend({
    knex: options.knex,
    recorder: options.recorder,
    features: [options.sourceModule, ...(options.features ?? [])],
    config: options.config,
    orgSync: {
      [providerId]: {
        schedule: TEST_SCHEDULE,
        ...options.engine,
        sources: {
          [options.type]: { [options.sourceId ?? 'main']: options.source },
        },
      },
    },
  });
  let provider: EntityProvider;
  try {
    provider = backend.provider(providerId);
  } catch (error) {
    await backend.stop();
    throw error;
  }
  return {
    provider,
    baseUrl: backend.orgSyncUrl,
    refresh: () => backend.refresh(providerId),
    status: () => backend.status(providerId),
    stop: () => backend.stop(),
  };
}
