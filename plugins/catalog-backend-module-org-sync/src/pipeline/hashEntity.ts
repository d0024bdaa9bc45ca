import type { Entity } from '@backstage/catalog-model';
import type { BuiltEntity } from './types';
import { createHash } from 'node:crypto';

/**
 * A digest of an entity. Entities are built with a fixed key order and
 * sorted lists, so equal content gives an equal digest.
 */
export function hashEntity(entity: Entity): string {
  return createHash('sha1').update(JSON.stringify(entity)).digest('base64');
}

/**
 * The digest of a built entity, computed once. Runs only need digests of
 * entities that existed before (to tell updates from unchanged ones) until
 * the commit, so new entities are hashed after it.
 */
export function hashOf(built: BuiltEntity): string {
  if (built.hash === undefined) built.hash = hashEntity(built.entity);
  return built.hash;
}
