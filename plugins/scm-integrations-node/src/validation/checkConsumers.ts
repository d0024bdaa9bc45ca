import type { IntegrationConsumer, IntegrationsConfigProblem } from '../types';
import { error, hostOf, RawIntegration, stringField } from './rawIntegrations';

function hasCredentials(integration: RawIntegration): boolean {
  const token = stringField(integration.value, 'token');
  if (token !== undefined && token.trim()) return true;
  const apps = integration.value.apps;
  return (
    integration.type === 'github' && Array.isArray(apps) && apps.length > 0
  );
}

/**
 * Hosts that our org sources read from but that have no integration entry,
 * or an entry without credentials.
 */
export function checkConsumers(
  integrations: RawIntegration[],
  consumers: IntegrationConsumer[],
): IntegrationsConfigProblem[] {
  const problems: IntegrationsConfigProblem[] = [];
  const what = (type: string) =>
    type === 'github'
      ? 'a token or a GitHub App'
      : 'a token with the read_api scope';
  for (const consumer of consumers) {
    const type = consumer.integrationType;
    const integration = integrations.find(
      i => i.type === type && hostOf(i) === consumer.host,
    );
    if (!integration) {
      problems.push(
        error(
          `${consumer.consumer}.host`,
          `no integrations.${type} entry has host '${
            consumer.host
          }'; add one with ${what(type)} (${consumer.description})`,
        ),
      );
    } else if (!hasCredentials(integration)) {
      problems.push(
        error(
          integration.key,
          `has ${
            type === 'github' ? 'neither a token nor apps' : 'no token'
          }, but ${consumer.consumer} reads from host '${consumer.host}' (${
            consumer.description
          }); add ${what(type)}`,
        ),
      );
    }
  }
  return problems;
}
