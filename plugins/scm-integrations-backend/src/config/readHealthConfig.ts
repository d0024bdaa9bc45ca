import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import { z } from 'zod';

/** Where the health check is configured. */
export const HEALTH_CONFIG_ROOT = 'scmIntegrations.health';

/** `scmIntegrations.health`, with defaults applied. */
export interface HealthConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Percent of the rate limit remaining below which a credential is `warning`. */
  rateLimitWarning: number;
  /** A credential expiring within this many milliseconds is `warning`. */
  expiryWarningMs: number;
  /** How long one credential's check may take, in milliseconds. */
  checkTimeoutMs: number;
}

const DEFAULT_SCHEDULE = {
  frequency: { minutes: 15 },
  timeout: { minutes: 2 },
  initialDelay: { seconds: 15 },
};

const duration = z
  .object({
    years: z.number().nonnegative(),
    months: z.number().nonnegative(),
    weeks: z.number().nonnegative(),
    days: z.number().nonnegative(),
    hours: z.number().nonnegative(),
    minutes: z.number().nonnegative(),
    seconds: z.number().nonnegative(),
    milliseconds: z.number().nonnegative(),
  })
  .partial()
  .strict()
  .refine(value => Object.keys(value).length > 0, {
    message: 'must name at least one unit, e.g. { days: 14 }',
  });

const schema = z
  .object({
    schedule: z.record(z.unknown()).optional(),
    rateLimitWarning: z
      .number()
      .min(0, 'must be a percentage between 0 and 100')
      .max(100, 'must be a percentage between 0 and 100')
      .default(10),
    expiryWarning: duration.default({ days: 14 }),
    checkTimeout: duration.default({ seconds: 10 }),
  })
  .strict();

function keyOf(path: (string | number)[]): string {
  return [HEALTH_CONFIG_ROOT, ...path].join('.');
}

/**
 * Reads `scmIntegrations.health`. Pure. Throws an `InputError` naming the full
 * key of every problem. A `schedule` may leave out `timeout` and
 * `initialDelay` (defaults 2 minutes and 15 seconds).
 */
export function readHealthConfig(config: Config): HealthConfig {
  const parsed = schema.safeParse(config.getOptional(HEALTH_CONFIG_ROOT) ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map(issue =>
      issue.code === 'unrecognized_keys'
        ? issue.keys
            .map(k => `${keyOf([...issue.path, k])} is not a known setting`)
            .join('; ')
        : `${keyOf(issue.path)} ${issue.message}`,
    );
    throw new InputError(
      `Invalid scmIntegrations.health config: ${problems.join('; ')}`,
    );
  }
  const { schedule, rateLimitWarning, expiryWarning, checkTimeout } =
    parsed.data;
  return {
    schedule: readSchedule(schedule),
    rateLimitWarning,
    expiryWarningMs: durationToMilliseconds(expiryWarning),
    checkTimeoutMs: durationToMilliseconds(checkTimeout),
  };
}

function readSchedule(
  schedule: Record<string, unknown> | undefined,
): SchedulerServiceTaskScheduleDefinition {
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(
      new ConfigReader({
        ...DEFAULT_SCHEDULE,
        ...(schedule as object),
      } as ConstructorParameters<typeof ConfigReader>[0]),
    );
  } catch (error) {
    throw new InputError(
      `Invalid scmIntegrations.health config: ${keyOf(['schedule'])} ${
        (error as Error).message
      }`,
    );
  }
}
