import { makeValidator, type Entity } from '@backstage/catalog-model';
import type { RunProblem } from './types';

const validators = makeValidator();

/**
 * Checks the parts of each built entity that come from sources against the
 * catalog's field-format rules (the same rules its FieldFormatEntityPolicy
 * applies): annotation and label keys and values, title and description.
 * Names are valid by construction, and the entity shape is built by the
 * engine (its tests check it against the catalog's User and Group schemas).
 *
 * Invalid entities are left out of the commit and reported; their source
 * keys are returned so the engine keeps what it committed for them before.
 */
export function validateEntities<T extends { entity: Entity; keys: string[] }>(
  built: T[],
): { valid: T[]; invalidKeys: string[]; problems: RunProblem[] } {
  const valid: T[] = [];
  const invalidKeys: string[] = [];
  const problems: RunProblem[] = [];
  for (const item of built) {
    const error = findError(item.entity);
    if (!error) {
      valid.push(item);
      continue;
    }
    invalidKeys.push(...item.keys);
    problems.push({
      source: 'engine',
      severity: 'warning',
      code: 'invalid-entity',
      message: `${item.entity.kind} '${
        item.entity.metadata.name
      }' (from ${item.keys.join(
        ', ',
      )}) is not valid for the catalog and is left out: ${error}`,
      entry: item.keys[0],
    });
  }
  return { valid, invalidKeys, problems };
}

function findError(entity: Entity): string | undefined {
  const { annotations = {}, labels = {} } = entity.metadata;
  for (const key of Object.keys(annotations)) {
    if (!validators.isValidAnnotationKey(key)) {
      return `annotation key '${key}' is not valid`;
    }
    if (!validators.isValidAnnotationValue(annotations[key])) {
      return `the value of annotation '${key}' is not valid`;
    }
  }
  for (const key of Object.keys(labels)) {
    if (!validators.isValidLabelKey(key)) {
      return `label key '${key}' is not valid`;
    }
    if (!validators.isValidLabelValue(labels[key])) {
      return `label '${key}' has the value '${labels[key]}', which is not a valid label value (letters, digits and - _ . between them, at most 63 characters)`;
    }
  }
  return undefined;
}
