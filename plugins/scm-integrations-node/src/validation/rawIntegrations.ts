import type { Config } from '@backstage/config';
import type { JsonValue } from '@backstage/types';
import type { IntegrationsConfigProblem, ScmIntegrationType } from '../types';

/** A config object as written, before any reader looked at it. */
export type RawObject = { [key: string]: JsonValue | undefined };

/** One entry of `integrations.<type>`, with its full config key. */
export interface RawIntegration {
  type: ScmIntegrationType;
  index: number;
  /** `integrations.github[1]`. */
  key: string;
  value: RawObject;
}

export const INTEGRATION_TYPES: ScmIntegrationType[] = [
  'github',
  'gitlab',
  'bitbucketCloud',
  'bitbucketServer',
  'azure',
];

export function isObject(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field, or undefined when it is not a string. */
export function stringField(value: RawObject, field: string) {
  const v = value[field];
  return typeof v === 'string' ? v : undefined;
}

/** Every object entry of `integrations.<type>` for the types we know. */
export function readRawIntegrations(config: Config): RawIntegration[] {
  const integrations = config.getOptional('integrations');
  if (!isObject(integrations)) return [];
  return INTEGRATION_TYPES.flatMap(type => {
    const list = integrations[type];
    if (!Array.isArray(list)) return [];
    return list.flatMap((value, index) =>
      isObject(value)
        ? [{ type, index, key: `integrations.${type}[${index}]`, value }]
        : [],
    );
  });
}

/** A host name with an optional port, as `new URL().host` writes it. */
export function isValidHost(host: string): boolean {
  try {
    const check = new URL('http://example.com');
    check.host = host;
    return check.host === host;
  } catch {
    return false;
  }
}

const DEFAULT_HOSTS: Partial<Record<ScmIntegrationType, string>> = {
  github: 'github.com',
  bitbucketCloud: 'bitbucket.org',
  azure: 'dev.azure.com',
};

/**
 * The lower-case host of an entry as upstream reads it (with the default
 * host of its type), or undefined when it is missing or not a host name.
 */
export function hostOf(integration: RawIntegration): string | undefined {
  const raw = stringField(integration.value, 'host');
  if (raw === undefined) return DEFAULT_HOSTS[integration.type];
  const host = raw.trim().toLowerCase();
  return isValidHost(host) ? host : undefined;
}

export const error = (
  key: string,
  message: string,
): IntegrationsConfigProblem => ({
  severity: 'error',
  key,
  message,
});

export const warning = (
  key: string,
  message: string,
): IntegrationsConfigProblem => ({ severity: 'warning', key, message });
