import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import type { SnapshotStore } from '../store/SnapshotStore';

/**
 * Stands in for a provider whose config is gone (renamed or removed) but
 * whose entities are still in the catalog. Being registered under the old
 * provider name stops the catalog from deleting them at start-up
 * (`catalog.orphanProviderStrategy`); it never changes them. A configured
 * provider that commits the same entities takes them over. `release()`
 * removes what is left.
 */
export class RetainedOrgProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  constructor(
    readonly id: string,
    private readonly snapshots: SnapshotStore,
    private readonly logger: LoggerService,
  ) {}

  getProviderName(): string {
    return `org-sync:${this.id}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
  }

  /** Removes the entities that no configured provider took over, and forgets the provider. */
  async release(): Promise<void> {
    if (!this.connection) {
      throw new Error(`Org sync provider ${this.id} is not connected yet`);
    }
    await this.connection.applyMutation({ type: 'full', entities: [] });
    await this.snapshots.deleteProvider(this.id);
    this.logger.warn(
      `Released org sync provider '${this.id}', which is no longer configured: the entities it still owned were removed from the catalog`,
    );
  }
}
