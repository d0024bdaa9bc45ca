import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import { z } from 'zod/v3';

/** The validated `auth.ownership.transitive` block. */
export interface TransitiveOwnershipConfig {
  /** Parent hops followed above a direct group. */
  maxDepth: number;
  /** Cache lifetime per user in milliseconds; 0 = no cache. */
  cacheTtlMs: number;
}

export const CONFIG_KEY = 'auth.ownership.transitive';
const DEFAULT_MAX_DEPTH = 20;
const DEFAULT_CACHE_TTL_MS = 60_000;

const maxDepthSchema = z.number().int().min(1).max(100);

/**
 * Reads `auth.ownership.transitive` from the root config. Pure; throws an
 * `InputError` naming the full key of the first invalid value.
 */
export function readTransitiveOwnershipConfig(
  config: Config,
): TransitiveOwnershipConfig {
  const block = config.getOptionalConfig(CONFIG_KEY);
  if (!block) {
    return { maxDepth: DEFAULT_MAX_DEPTH, cacheTtlMs: DEFAULT_CACHE_TTL_MS };
  }
  const unknown = block
    .keys()
    .filter(k => !['maxDepth', 'cacheTtl'].includes(k));
  if (unknown.length > 0) {
    throw new InputError(
      `Invalid config: ${CONFIG_KEY}.${unknown[0]} is not a known key (maxDepth, cacheTtl)`,
    );
  }
  let maxDepth = DEFAULT_MAX_DEPTH;
  if (block.has('maxDepth')) {
    const parsed = maxDepthSchema.safeParse(block.get('maxDepth'));
    if (!parsed.success) {
      throw new InputError(
        `Invalid config: ${CONFIG_KEY}.maxDepth must be an integer from 1 to 100`,
      );
    }
    maxDepth = parsed.data;
  }
  let cacheTtlMs = DEFAULT_CACHE_TTL_MS;
  if (block.has('cacheTtl')) {
    try {
      cacheTtlMs = durationToMilliseconds(
        readDurationFromConfig(block, { key: 'cacheTtl' }),
      );
    } catch {
      throw new InputError(
        `Invalid config: ${CONFIG_KEY}.cacheTtl is not a duration (e.g. '30s', '5m' or { minutes: 1 })`,
      );
    }
    if (!(cacheTtlMs >= 0)) {
      throw new InputError(
        `Invalid config: ${CONFIG_KEY}.cacheTtl must not be negative`,
      );
    }
  }
  return { maxDepth, cacheTtlMs };
}
