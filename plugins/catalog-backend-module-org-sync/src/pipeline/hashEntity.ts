import type { Entity } from '@backstage/catalog-model';
import { createHash } from 'node:crypto';

/**
 * A digest of an entity. Entities are built with a fixed key order and
 * sorted lists, so equal content gives an equal digest.
 */
export function hashEntity(entity: Entity): string {
  return createHash('sha1').update(JSON.stringify(entity)).digest('base64');
}
