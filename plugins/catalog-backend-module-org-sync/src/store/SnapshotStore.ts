import type { Entity } from '@backstage/catalog-model';
import type { Knex } from 'knex';
import type { PreviousEntry } from '../pipeline/planSync';
import { hashOf } from '../pipeline/hashEntity';
import type { BuiltEntity } from '../pipeline/types';

const CHUNK = 500;

type EntityRow = {
  provider_id: string;
  entity_ref: string;
  kind: string;
  name: string;
  source_keys: string;
  hash: string;
  entity: string;
};

/**
 * The set each provider last committed, kept in the catalog's database so
 * that every replica diffs against the same baseline.
 */
export class SnapshotStore {
  constructor(private readonly knex: Knex) {}

  /** Ref → kind, name, hash and source keys of a provider's last commit. */
  async loadIndex(providerId: string): Promise<Map<string, PreviousEntry>> {
    const rows = await this.knex<EntityRow>('org_sync_entities')
      .where({ provider_id: providerId })
      .select('entity_ref', 'kind', 'name', 'hash', 'source_keys');
    return new Map(
      rows.map(row => [
        row.entity_ref,
        {
          kind: row.kind as PreviousEntry['kind'],
          name: row.name,
          hash: row.hash,
          keys: JSON.parse(row.source_keys),
        },
      ]),
    );
  }

  /** The committed entities of a provider with the given refs. */
  async loadEntities(providerId: string, refs: string[]): Promise<Entity[]> {
    const result: Entity[] = [];
    for (let i = 0; i < refs.length; i += CHUNK) {
      const rows = await this.knex<EntityRow>('org_sync_entities')
        .where({ provider_id: providerId })
        .whereIn('entity_ref', refs.slice(i, i + CHUNK))
        .select('entity');
      result.push(...rows.map(row => JSON.parse(row.entity)));
    }
    return result;
  }

  /**
   * Records a commit: writes new and changed entities, deletes removed ones.
   * Retained entities are left as they are.
   */
  async recordCommit(
    providerId: string,
    changes: { written: BuiltEntity[]; removed: string[] },
  ): Promise<void> {
    await this.knex.transaction(async tx => {
      for (let i = 0; i < changes.removed.length; i += CHUNK) {
        await tx('org_sync_entities')
          .where({ provider_id: providerId })
          .whereIn('entity_ref', changes.removed.slice(i, i + CHUNK))
          .delete();
      }
      for (let i = 0; i < changes.written.length; i += CHUNK) {
        const rows: EntityRow[] = changes.written
          .slice(i, i + CHUNK)
          .map(e => ({
            provider_id: providerId,
            entity_ref: e.ref,
            kind: e.entity.kind,
            name: e.entity.metadata.name.toLowerCase(),
            source_keys: JSON.stringify(e.keys),
            hash: hashOf(e),
            entity: JSON.stringify(e.entity),
          }));
        await tx('org_sync_entities')
          .insert(rows)
          .onConflict(['provider_id', 'entity_ref'])
          .merge(['kind', 'name', 'source_keys', 'hash', 'entity']);
      }
    });
  }

  /** Every provider id with a committed set, and its entity counts. */
  async listProviders(): Promise<
    Array<{ providerId: string; users: number; groups: number }>
  > {
    const rows: Array<{ provider_id: string; kind: string; count: unknown }> =
      await this.knex('org_sync_entities')
        .select('provider_id', 'kind')
        .count({ count: '*' })
        .groupBy('provider_id', 'kind');
    const byProvider = new Map<string, { users: number; groups: number }>();
    for (const row of rows) {
      const counts = byProvider.get(row.provider_id) ?? { users: 0, groups: 0 };
      if (row.kind === 'User') counts.users = Number(row.count);
      else counts.groups = Number(row.count);
      byProvider.set(row.provider_id, counts);
    }
    return [...byProvider].map(([providerId, counts]) => ({
      providerId,
      ...counts,
    }));
  }

  /** Names by qualified source key, for the entities of the given providers. */
  async namesByKey(
    providerIds: string[],
  ): Promise<Map<string, { kind: 'User' | 'Group'; name: string }>> {
    const result = new Map<string, { kind: 'User' | 'Group'; name: string }>();
    if (!providerIds.length) return result;
    const rows = await this.knex<EntityRow>('org_sync_entities')
      .whereIn('provider_id', providerIds)
      .select('kind', 'name', 'source_keys');
    for (const row of rows) {
      for (const key of JSON.parse(row.source_keys) as string[]) {
        result.set(key, { kind: row.kind as 'User' | 'Group', name: row.name });
      }
    }
    return result;
  }

  /** Refs committed by the given providers. */
  async refsOf(providerIds: string[]): Promise<Set<string>> {
    if (!providerIds.length) return new Set();
    const rows = await this.knex<EntityRow>('org_sync_entities')
      .whereIn('provider_id', providerIds)
      .select('entity_ref');
    return new Set(rows.map(row => row.entity_ref));
  }

  /** Forgets a provider's committed set. */
  async deleteProvider(providerId: string): Promise<void> {
    await this.knex('org_sync_entities')
      .where({ provider_id: providerId })
      .delete();
    await this.knex('org_sync_status')
      .where({ provider_id: providerId })
      .delete();
  }
}
