import type { BackendFeature } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  catalogProcessingExtensionPoint,
  type CatalogProcessingExtensionPoint,
  type EntityProvider,
} from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { JsonObject } from '@backstage/types';
import knexFactory, { type Knex } from 'knex';
import { catalogModuleOrgSync } from '../module';
import type { RunReport } from '../provider/runReport';
import type { ProviderStatus } from '../store/StatusStore';
import { recordingConnection, type OrgSyncRecorder } from './mutations';
import { recordingRootLogger } from './recordingLogger';

/**
 * A schedule that never fires during a test: tests call `refresh()`.
 *
 * @public
 */
export const TEST_SCHEDULE = {
  frequency: { hours: 24 },
  timeout: { minutes: 5 },
  initialDelay: { hours: 24 },
};

/**
 * An in-memory catalog database; pass the same one to every backend start
 * of a test to keep state across restarts.
 *
 * @public
 */
export function createTestKnex(): Knex {
  return knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
}

function parseBody(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** @public */
export type OrgSyncTestBackendOptions = {
  knex: Knex;
  /** The `catalog.providers.orgSync` block. */
  orgSync: JsonObject;
  /** Source modules and any further features. */
  features?: BackendFeature[];
  /** Root config besides `catalog.providers.orgSync`, e.g. `integrations`. */
  config?: JsonObject;
  /** Records every log line and (mocked catalog) every mutation. */
  recorder?: OrgSyncRecorder;
  permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  /**
   * The real catalog plugin to run; without it catalog processing is mocked
   * and every provider is connected to `recorder`.
   */
  catalogPlugin?: BackendFeature;
};

/** @public */
export type OrgSyncTestBackend = {
  /** The providers registered (mocked catalog only). */
  providers: EntityProvider[];
  provider(providerId: string): EntityProvider;
  /** Runs one sync of `org-sync:<providerId>` now (mocked catalog only). */
  refresh(providerId: string): Promise<RunReport>;
  /** `http://localhost:<port>/api/catalog`. */
  catalogUrl: string;
  /** `<catalogUrl>/org-sync`. */
  orgSyncUrl: string;
  /** Calls `<catalogUrl><path>` as a user; the body as JSON. */
  request(
    path: string,
    method?: 'GET' | 'POST',
  ): Promise<{ status: number; body: any }>;
  /** `GET /org-sync/providers/<providerId>`; throws unless it answers 200. */
  status(providerId: string): Promise<ProviderStatus & { [key: string]: any }>;
  stop(): Promise<void>;
};

/**
 * Starts the org sync engine with the given sources and config, with catalog
 * processing mocked (or the real catalog plugin).
 *
 * @public
 */
export async function startOrgSyncTestBackend(
  options: OrgSyncTestBackendOptions,
): Promise<OrgSyncTestBackend> {
  const providers: EntityProvider[] = [];
  const { catalog, ...config } = options.config ?? {};
  const processing: Partial<CatalogProcessingExtensionPoint> = {
    addEntityProvider: (...added: Array<EntityProvider | EntityProvider[]>) => {
      providers.push(...added.flat());
    },
    addProcessor: () => {},
    addPlaceholderResolver: () => {},
    setOnProcessingErrorHandler: () => {},
  };
  const backend = await startTestBackend({
    extensionPoints: options.catalogPlugin
      ? undefined
      : [[catalogProcessingExtensionPoint, processing]],
    features: [
      ...(options.catalogPlugin ? [options.catalogPlugin] : []),
      catalogModuleOrgSync,
      ...(options.features ?? []),
      ...(options.recorder ? [recordingRootLogger(options.recorder.logs)] : []),
      mockServices.database.factory({ knex: options.knex }),
      mockServices.permissions.factory({
        result: options.permission ?? AuthorizeResult.ALLOW,
      }),
      mockServices.rootConfig.factory({
        data: {
          ...config,
          catalog: {
            ...(catalog as JsonObject | undefined),
            providers: { orgSync: options.orgSync },
          },
        },
      }),
    ],
  });
  if (options.recorder) {
    const connection = recordingConnection(options.recorder.mutations);
    for (const p of providers) await p.connect(connection);
  }
  const { port } = backend.server.address() as { port: number };
  const catalogUrl = `http://localhost:${port}/api/catalog`;

  const provider = (providerId: string) => {
    const found = providers.find(
      p => p.getProviderName() === `org-sync:${providerId}`,
    );
    if (!found) throw new Error(`org-sync:${providerId} was not registered`);
    return found;
  };
  const request = async (path: string, method: 'GET' | 'POST' = 'GET') => {
    const response = await fetch(`${catalogUrl}${path}`, {
      method,
      headers: { Authorization: mockCredentials.user.header() },
    });
    const text = await response.text();
    return { status: response.status, body: parseBody(text) };
  };
  return {
    providers,
    provider,
    refresh: providerId =>
      (
        provider(providerId) as unknown as { refresh(): Promise<RunReport> }
      ).refresh(),
    catalogUrl,
    orgSyncUrl: `${catalogUrl}/org-sync`,
    request,
    status: async providerId => {
      const { status, body } = await request(
        `/org-sync/providers/${providerId}`,
      );
      if (status !== 200) {
        throw new Error(
          `status route answered ${status}: ${JSON.stringify(body)}`,
        );
      }
      return body;
    },
    stop: () => backend.stop(),
  };
}
