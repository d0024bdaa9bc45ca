import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** Where org sync providers are configured. */
export const ORG_SYNC_CONFIG_ROOT = 'catalog.providers.orgSync';

/** One configured source of a provider, still unparsed (its module parses it). */
export type OrgSyncSourceConfig = {
  type: string;
  id: string;
  config: Config;
  configPath: string;
};

/** The settings of one org sync provider. */
export type OrgSyncProviderConfig = {
  id: string;
  namespace: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
  merge: { users: string[]; groups: string[] };
  safety: {
    maxRemovalShare: number;
    maxRemovals?: number;
    allowEmpty: boolean;
  };
  sources: OrgSyncSourceConfig[];
};

export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 15 },
};

const entityNamePart = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/i;
const identifierName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'must be an identifier name');

const providerSchema = z
  .object({
    namespace: z
      .string()
      .max(63)
      .regex(entityNamePart, 'must be a valid catalog namespace')
      .default('default'),
    merge: z
      .object({
        users: z.array(identifierName).default(['email']),
        groups: z.array(identifierName).default([]),
      })
      .strict()
      .default({}),
    safety: z
      .object({
        maxRemovalShare: z.number().min(0).max(1).default(0.1),
        maxRemovals: z.number().int().min(0).optional(),
        allowEmpty: z.boolean().default(false),
      })
      .strict()
      .default({}),
  })
  .passthrough();

function formatIssuePath(root: string, path: (string | number)[]): string {
  return [root, ...path].join('.');
}

/**
 * Reads `catalog.providers.orgSync`. Pure: no I/O. Throws an InputError
 * naming the full config key of the first problem.
 */
export function readOrgSyncConfig(config: Config): OrgSyncProviderConfig[] {
  const root = config.getOptionalConfig(ORG_SYNC_CONFIG_ROOT);
  if (!root) {
    return [];
  }
  return root.keys().map(id => {
    const path = `${ORG_SYNC_CONFIG_ROOT}.${id}`;
    if (!entityNamePart.test(id)) {
      throw new InputError(
        `Invalid config at ${path}: a provider id may only use letters, digits and single '-', '_' or '.' between them`,
      );
    }
    const block = root.getConfig(id);
    const parsed = providerSchema.safeParse(block.get());
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(
        `Invalid config at ${formatIssuePath(path, issue.path)}: ${
          issue.message
        }`,
      );
    }
    return {
      id,
      namespace: parsed.data.namespace,
      merge: parsed.data.merge,
      safety: parsed.data.safety,
      schedule: readSchedule(block, path),
      sources: readSources(block, path),
    };
  });
}

function readSchedule(
  block: Config,
  path: string,
): SchedulerServiceTaskScheduleDefinition {
  if (!block.has('schedule')) {
    return DEFAULT_SCHEDULE;
  }
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(
      block.getConfig('schedule'),
    );
  } catch (error) {
    throw new InputError(
      `Invalid config at ${path}.schedule: ${(error as Error).message}`,
    );
  }
}

function readSources(block: Config, path: string): OrgSyncSourceConfig[] {
  const sources = block.getOptionalConfig('sources');
  const result: OrgSyncSourceConfig[] = [];
  for (const type of sources?.keys() ?? []) {
    const byId = sources!.getConfig(type);
    for (const id of byId.keys()) {
      if (!entityNamePart.test(id)) {
        throw new InputError(
          `Invalid config at ${path}.sources.${type}.${id}: a source id may only use letters, digits and single '-', '_' or '.' between them`,
        );
      }
      result.push({
        type,
        id,
        config: byId.getConfig(id),
        configPath: `${path}.sources.${type}.${id}`,
      });
    }
  }
  if (result.length === 0) {
    throw new InputError(
      `Invalid config at ${path}.sources: a provider needs at least one source, for example sources.ldap.<id>`,
    );
  }
  return result;
}
