import type { LoggerService } from '@backstage/backend-plugin-api';
import type { SnapshotStore } from '../store/SnapshotStore';
import { RetainedOrgProvider } from './RetainedOrgProvider';

/**
 * Finds providers that committed entities but are no longer configured
 * (renamed or removed), keeps their entities through a stand-in provider,
 * and says so loudly at every start-up.
 */
export async function findRetainedProviders(options: {
  configuredIds: string[];
  snapshots: SnapshotStore;
  logger: LoggerService;
}): Promise<RetainedOrgProvider[]> {
  const configured = new Set(options.configuredIds);
  const retained: RetainedOrgProvider[] = [];
  for (const committed of await options.snapshots.listProviders()) {
    if (configured.has(committed.providerId)) continue;
    const id = committed.providerId;
    options.logger.warn(
      `Org sync provider '${id}' is no longer in catalog.providers.orgSync (renamed or removed), but it committed ${committed.users} users and ${committed.groups} groups. They are kept: the catalog would otherwise delete them at start-up (catalog.orphanProviderStrategy). A configured provider that produces the same entities takes them over and keeps their names. To remove what is left, POST /api/catalog/org-sync/providers/${id}/release.`,
    );
    retained.push(
      new RetainedOrgProvider(id, options.snapshots, options.logger),
    );
  }
  return retained;
}
