import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { IntegrationsConfigProblem } from '../types';
import {
  formatIntegrationsConfigProblem,
  validateIntegrationsConfig,
} from './validateIntegrationsConfig';

/** Configs whose warnings were logged already: the broker and the plugin both validate the same root config. */
const warned = new WeakSet<Config>();

/**
 * Runs {@link validateIntegrationsConfig}: throws one `InputError` listing
 * every error as `<key>: <message>` (one per line), and logs each warning
 * once per config object. Returns every problem found.
 *
 * @public
 */
export function assertValidIntegrationsConfig(
  config: Config,
  options: { logger: LoggerService },
): IntegrationsConfigProblem[] {
  const problems = validateIntegrationsConfig(config);
  const errors = problems.filter(p => p.severity === 'error');
  if (errors.length) {
    throw new InputError(
      `Invalid SCM integrations config (${errors.length} error${
        errors.length > 1 ? 's' : ''
      }):\n${errors.map(formatIntegrationsConfigProblem).join('\n')}`,
    );
  }
  if (warned.has(config)) {
    return problems;
  }
  warned.add(config);
  for (const problem of problems) {
    options.logger.warn(
      `SCM integrations config: ${formatIntegrationsConfigProblem(problem)}`,
    );
  }
  return problems;
}
