import type { Config } from '@backstage/config';
import { findIntegrationConsumers } from '../consumers/findIntegrationConsumers';
import type { IntegrationsConfigProblem } from '../types';
import { checkActForUser } from './checkActForUser';
import { checkConsumers } from './checkConsumers';
import { checkCredentials } from './checkCredentials';
import { checkGithubApps } from './checkGithubApps';
import { checkHosts } from './checkHosts';
import { checkSecrets } from './checkSecrets';
import { checkUrls } from './checkUrls';
import { readRawIntegrations } from './rawIntegrations';

/**
 * Problems in `integrations:` (and in our own `scmIntegrations:`), errors
 * first, each naming its full config key. Pure: reads the config as written
 * (before `@backstage/integration` would reject it) and contacts nothing.
 *
 * @public
 */
export function validateIntegrationsConfig(
  config: Config,
): IntegrationsConfigProblem[] {
  const integrations = readRawIntegrations(config);
  const problems = [
    ...checkHosts(integrations),
    ...checkUrls(integrations),
    ...checkSecrets(integrations),
    ...checkGithubApps(integrations),
    ...checkCredentials(integrations),
    ...checkConsumers(integrations, findIntegrationConsumers(config)),
    ...checkActForUser(config, integrations),
  ];
  return [
    ...problems.filter(p => p.severity === 'error'),
    ...problems.filter(p => p.severity === 'warning'),
  ];
}

/**
 * One line per problem, `<key>: <message>`.
 *
 * @public
 */
export function formatIntegrationsConfigProblem(
  problem: IntegrationsConfigProblem,
): string {
  return `${problem.key}: ${problem.message}`;
}
