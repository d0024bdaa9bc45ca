import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { ActForUserPolicy } from '../types';
import { z } from 'zod';

/**
 * Our own `scmIntegrations:` keys that the node library reads, validated and
 * with defaults applied.
 *
 * @public
 */
export interface ScmIntegrationsConfig {
  actForUser: {
    /** For hosts not listed in `hosts` (default `allow`). */
    default: ActForUserPolicy;
    /** By lower-case host name (with port when the integration has one). */
    hosts: Record<string, ActForUserPolicy>;
  };
}

const policy = z.enum(['allow', 'never']);

const schema = z.object({
  actForUser: z
    .object({
      default: policy.default('allow'),
      hosts: z.record(z.string(), policy).default({}),
    })
    .strict()
    .default({}),
});

/**
 * Reads `scmIntegrations.actForUser`. Pure. Throws an `InputError` naming the
 * full key of every problem, e.g.
 * `scmIntegrations.actForUser.hosts.ghe.example.com must be 'allow' or 'never'`.
 *
 * @public
 */
export function readScmIntegrationsConfig(
  config: Config,
): ScmIntegrationsConfig {
  const result = schema.safeParse(config.getOptional('scmIntegrations') ?? {});
  if (!result.success) {
    const problems = result.error.issues.map(issue => {
      const key = ['scmIntegrations', ...issue.path.map(String)].join('.');
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map(k => `${key}.${k} is not a known setting`);
      }
      if (issue.code === 'invalid_enum_value') {
        return [`${key} must be 'allow' or 'never'`];
      }
      return [`${key}: ${issue.message}`];
    });
    throw new InputError(
      `Invalid scmIntegrations config: ${problems.flat().join('; ')}`,
    );
  }
  const { actForUser } = result.data;
  return {
    actForUser: {
      default: actForUser.default,
      hosts: Object.fromEntries(
        Object.entries(actForUser.hosts).map(([host, value]) => [
          host.toLowerCase(),
          value,
        ]),
      ),
    },
  };
}

/**
 * The `actForUser` policy of one host.
 *
 * @public
 */
export function actForUserPolicyOf(
  config: ScmIntegrationsConfig,
  host: string,
): ActForUserPolicy {
  return (
    config.actForUser.hosts[host.toLowerCase()] ?? config.actForUser.default
  );
}
