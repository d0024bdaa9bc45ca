import type { IntegrationsConfigProblem, ScmIntegrationType } from '../types';
import {
  error,
  hostOf,
  RawIntegration,
  stringField,
  warning,
} from './rawIntegrations';

/** The URL keys of each type; `api` ones must point at the integration's host. */
const URL_FIELDS: Record<
  ScmIntegrationType,
  { field: string; api: boolean }[]
> = {
  github: [
    { field: 'apiBaseUrl', api: true },
    { field: 'rawBaseUrl', api: false },
  ],
  gitlab: [
    { field: 'apiBaseUrl', api: true },
    { field: 'baseUrl', api: true },
  ],
  bitbucketCloud: [],
  bitbucketServer: [{ field: 'apiBaseUrl', api: true }],
  azure: [],
};

const SECRET_FIELDS = [
  'token',
  'apps',
  'password',
  'appPassword',
  'clientSecret',
  'credentials',
];

function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    /^127(?:\.\d{1,3}){3}$/.test(hostname)
  );
}

function parseHttpUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? url
      : undefined;
  } catch {
    return undefined;
  }
}

/** A missing API URL that upstream cannot derive for this host. */
function missingApiBaseUrl(
  integration: RawIntegration,
  host: string,
): IntegrationsConfigProblem | undefined {
  if (stringField(integration.value, 'apiBaseUrl') !== undefined) {
    return undefined;
  }
  const key = `${integration.key}.apiBaseUrl`;
  if (integration.type === 'github' && host !== 'github.com') {
    return error(
      key,
      `is required for a host other than github.com (e.g. https://${host}/api/v3)`,
    );
  }
  if (integration.type === 'gitlab' && host !== 'gitlab.com') {
    return error(
      key,
      `is required for a host other than gitlab.com (e.g. https://${host}/api/v4)`,
    );
  }
  if (integration.type === 'bitbucketServer') {
    return error(key, `is required (e.g. https://${host}/rest/api/1.0)`);
  }
  return undefined;
}

/**
 * URLs that are not http(s), GitLab API URLs not ending in `/api/v4`, API
 * URLs on another host than the integration's, and tokens sent over plain
 * http to a non-loopback host.
 */
export function checkUrls(
  integrations: RawIntegration[],
): IntegrationsConfigProblem[] {
  const problems: IntegrationsConfigProblem[] = [];
  for (const integration of integrations) {
    const host = hostOf(integration);
    if (host === undefined) continue;
    const missing = missingApiBaseUrl(integration, host);
    if (missing) problems.push(missing);
    const hasSecret = SECRET_FIELDS.some(
      f => integration.value[f] !== undefined,
    );
    for (const { field, api } of URL_FIELDS[integration.type]) {
      const value = stringField(integration.value, field);
      if (value === undefined) continue;
      const key = `${integration.key}.${field}`;
      const url = parseHttpUrl(value);
      if (!url) {
        problems.push(error(key, `must be an http(s) URL, got '${value}'`));
        continue;
      }
      if (
        integration.type === 'gitlab' &&
        field === 'apiBaseUrl' &&
        !/\/api\/v4$/.test(url.pathname.replace(/\/+$/, ''))
      ) {
        problems.push(
          error(
            key,
            `must end in /api/v4 (e.g. https://${host}/api/v4), got '${value}'`,
          ),
        );
      }
      if (api && url.host !== host && url.host !== `api.${host}`) {
        problems.push(
          warning(
            key,
            `points at host '${url.host}' but the integration's host is '${host}'; requests for ${host} (with its credentials) go to ${url.host}`,
          ),
        );
      }
      if (url.protocol === 'http:' && hasSecret && !isLoopback(url.hostname)) {
        problems.push(
          warning(
            key,
            `uses plain http to '${url.host}': credentials are sent in clear text; use https`,
          ),
        );
      }
    }
  }
  return problems;
}
