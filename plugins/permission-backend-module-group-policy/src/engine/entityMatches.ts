import { RELATION_OWNED_BY, type Entity } from '@backstage/catalog-model';
import type { RuleCondition } from '../config/schema';

/**
 * Whether an entity meets a rule's conditions, checked the way the catalog's
 * permission rules check them (owner among the claims, kind ignoring case,
 * annotation or label present).
 */
export function entityMatches(
  entity: Entity,
  when: RuleCondition,
  claims: readonly string[],
): boolean {
  if (when.isOwner) {
    const owners = (entity.relations ?? [])
      .filter(r => r.type === RELATION_OWNED_BY)
      .map(r => r.targetRef.toLowerCase());
    if (!owners.some(o => claims.includes(o))) return false;
  }
  if (
    when.kinds &&
    !when.kinds.some(k => k.toLowerCase() === entity.kind.toLowerCase())
  ) {
    return false;
  }
  if (
    when.hasAnnotation &&
    entity.metadata.annotations?.[when.hasAnnotation] === undefined
  ) {
    return false;
  }
  if (when.hasLabel && entity.metadata.labels?.[when.hasLabel] === undefined) {
    return false;
  }
  return true;
}
