import type { Config } from '@backstage/config';
import type { IntegrationsConfigProblem } from '../types';
import {
  error,
  hostOf,
  isObject,
  RawIntegration,
  warning,
} from './rawIntegrations';

const KEY = 'scmIntegrations.actForUser';

const isPolicy = (value: unknown) => value === 'allow' || value === 'never';

/** `scmIntegrations.actForUser`: values, and hosts that no integration has. */
export function checkActForUser(
  config: Config,
  integrations: RawIntegration[],
): IntegrationsConfigProblem[] {
  const actForUser = config.getOptional(KEY);
  if (actForUser === undefined) return [];
  if (!isObject(actForUser)) {
    return [error(KEY, 'must be an object with default and hosts')];
  }
  const problems: IntegrationsConfigProblem[] = [];
  if (actForUser.default !== undefined && !isPolicy(actForUser.default)) {
    problems.push(
      error(
        `${KEY}.default`,
        `must be 'allow' or 'never', got '${String(actForUser.default)}'`,
      ),
    );
  }
  const hosts = actForUser.hosts;
  if (hosts !== undefined && !isObject(hosts)) {
    problems.push(
      error(`${KEY}.hosts`, "must map hosts to 'allow' or 'never'"),
    );
    return problems;
  }
  const known = new Set(integrations.map(hostOf));
  for (const [host, value] of Object.entries(hosts ?? {})) {
    const key = `${KEY}.hosts.${host}`;
    if (!isPolicy(value)) {
      problems.push(
        error(key, `must be 'allow' or 'never', got '${String(value)}'`),
      );
    } else if (!known.has(host.toLowerCase())) {
      problems.push(
        warning(
          key,
          `names host '${host}', which no entry of integrations: has`,
        ),
      );
    }
  }
  return problems;
}
