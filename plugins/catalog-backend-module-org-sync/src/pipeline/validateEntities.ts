import {
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  type Entity,
} from '@backstage/catalog-model';
import type { RunProblem } from './types';

const fieldFormat = new FieldFormatEntityPolicy();

/**
 * Checks every built entity against the catalog's own rules (field formats,
 * User / Group schema). Invalid entities are left out of the commit and
 * reported; their source keys are returned so the engine keeps what it
 * committed for them before instead of removing it.
 */
export async function validateEntities<
  T extends { entity: Entity; keys: string[] },
>(
  built: T[],
): Promise<{ valid: T[]; invalidKeys: string[]; problems: RunProblem[] }> {
  const valid: T[] = [];
  const invalidKeys: string[] = [];
  const problems: RunProblem[] = [];
  for (const item of built) {
    const error = await findError(item.entity);
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

async function findError(entity: Entity): Promise<string | undefined> {
  try {
    await fieldFormat.enforce(entity);
    const validator =
      entity.kind === 'User'
        ? userEntityV1alpha1Validator
        : groupEntityV1alpha1Validator;
    if (!(await validator.check(entity))) {
      return `not a ${entity.kind} entity`;
    }
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
