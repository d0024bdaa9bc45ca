import type { Config } from '@backstage/config';
import type { JsonValue } from '@backstage/types';
import type { IntegrationConsumer } from '../types';

const ORG_SYNC = 'catalog.providers.orgSync';

type JsonRecord = { [key: string]: JsonValue | undefined };

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : undefined;
}

function githubConsumer(path: string, source: JsonRecord): IntegrationConsumer {
  const host =
    typeof source.host === 'string' ? source.host.trim().toLowerCase() : '';
  const orgs = strings(source.orgs) ?? [];
  // Public profile emails (User.email) are read with a token only, and the
  // GraphQL field needs user:email (or read:user).
  const emails = strings(source.emails) ?? ['verifiedDomain', 'public'];
  return {
    integrationType: 'github',
    host: host || 'github.com',
    consumer: path,
    description: `org sync: members and teams of ${
      orgs.join(', ') || '(no org)'
    }`,
    scopes: emails.includes('public')
      ? ['read:org', 'user:email']
      : ['read:org'],
    appPermissions: { members: 'read' },
  };
}

function gitlabConsumer(
  path: string,
  source: JsonRecord,
): IntegrationConsumer | undefined {
  if (typeof source.host !== 'string' || !source.host.trim()) return undefined;
  const group = typeof source.group === 'string' ? source.group : '(no group)';
  return {
    integrationType: 'gitlab',
    host: source.host.trim().toLowerCase(),
    consumer: path,
    description: `org sync: users and groups of group ${group}`,
    scopes: ['read_api'],
  };
}

/**
 * Who in this portal uses each integration host, and which scopes (and
 * GitHub App permissions) they need: the GitHub and GitLab sources of the org
 * sync engine, `catalog.providers.orgSync.<id>.sources.{github,gitlab}.<id>`.
 * Pure and tolerant: malformed blocks are left to their own config readers.
 *
 * @public
 */
export function findIntegrationConsumers(
  config: Config,
): IntegrationConsumer[] {
  const providers = config.getOptional(ORG_SYNC);
  if (!isRecord(providers)) return [];
  const consumers: IntegrationConsumer[] = [];
  for (const [providerId, provider] of Object.entries(providers)) {
    if (!isRecord(provider) || !isRecord(provider.sources)) continue;
    const { github, gitlab } = provider.sources;
    const base = `${ORG_SYNC}.${providerId}.sources`;
    if (isRecord(github)) {
      for (const [sourceId, source] of Object.entries(github)) {
        if (isRecord(source)) {
          consumers.push(githubConsumer(`${base}.github.${sourceId}`, source));
        }
      }
    }
    if (isRecord(gitlab)) {
      for (const [sourceId, source] of Object.entries(gitlab)) {
        const consumer = isRecord(source)
          ? gitlabConsumer(`${base}.gitlab.${sourceId}`, source)
          : undefined;
        if (consumer) consumers.push(consumer);
      }
    }
  }
  return consumers;
}
