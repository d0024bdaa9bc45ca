import type { IntegrationsConfigProblem } from '../types';
import {
  error,
  hostOf,
  isValidHost,
  RawIntegration,
  stringField,
} from './rawIntegrations';

/** Hosts that are not host names, and hosts listed twice within a type. */
export function checkHosts(
  integrations: RawIntegration[],
): IntegrationsConfigProblem[] {
  const problems: IntegrationsConfigProblem[] = [];
  const seen = new Map<string, string>();
  for (const integration of integrations) {
    const raw = stringField(integration.value, 'host');
    const key = `${integration.key}.host`;
    if (raw !== undefined && !isValidHost(raw.trim().toLowerCase())) {
      problems.push(
        error(
          key,
          `'${raw}' is not a host name; write the host with an optional port, without scheme or path (e.g. ghe.example.com or gitlab.example.com:8443)`,
        ),
      );
      continue;
    }
    const host = hostOf(integration);
    if (host === undefined) {
      problems.push(error(key, 'is required'));
      continue;
    }
    const id = `${integration.type}/${host}`;
    const first = seen.get(id);
    if (first) {
      problems.push(
        error(
          key,
          `host '${host}' is already configured at ${first}; each host may appear only once in integrations.${integration.type}`,
        ),
      );
    } else {
      seen.set(id, key);
    }
  }
  return problems;
}
