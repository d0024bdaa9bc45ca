import { InputError, NotFoundError } from '@backstage/errors';
import type {
  AzureIntegrationConfig,
  BitbucketCloudIntegrationConfig,
  BitbucketServerIntegrationConfig,
  GithubIntegrationConfig,
  GitLabIntegrationConfig,
  ScmIntegrationRegistry,
} from '@backstage/integration';

/** The integration entry that serves a URL, tagged with its type. */
export type MatchedIntegration =
  | { type: 'github'; host: string; config: GithubIntegrationConfig }
  | { type: 'gitlab'; host: string; config: GitLabIntegrationConfig }
  | {
      type: 'bitbucketCloud';
      host: string;
      config: BitbucketCloudIntegrationConfig;
    }
  | {
      type: 'bitbucketServer';
      host: string;
      config: BitbucketServerIntegrationConfig;
    }
  | { type: 'azure'; host: string; config: AzureIntegrationConfig };

function allIntegrations(
  registry: ScmIntegrationRegistry,
): MatchedIntegration[] {
  const entry = <
    T extends MatchedIntegration['type'],
    C extends { host: string },
  >(
    type: T,
    configs: { config: C }[],
  ) =>
    configs.map(
      ({ config }) =>
        ({
          type,
          host: config.host.toLowerCase(),
          config,
        } as MatchedIntegration),
    );
  return [
    ...entry('github', registry.github.list()),
    ...entry('gitlab', registry.gitlab.list()),
    ...entry('bitbucketCloud', registry.bitbucketCloud.list()),
    ...entry('bitbucketServer', registry.bitbucketServer.list()),
    ...entry('azure', registry.azure.list()),
  ];
}

function apiHostOf(integration: MatchedIntegration): string | undefined {
  const apiBaseUrl =
    'apiBaseUrl' in integration.config
      ? integration.config.apiBaseUrl
      : undefined;
  if (!apiBaseUrl) return undefined;
  try {
    return new URL(apiBaseUrl).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Parses the request URL; a URL without scheme is read as https. */
export function parseRequestUrl(url: string): URL {
  try {
    return new URL(
      /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`,
    );
  } catch {
    throw new InputError(`'${url}' is not a URL`);
  }
}

/**
 * The integration whose host (or API host, such as `api.github.com`) is the
 * URL's host. Throws a `NotFoundError` naming the host and the configured
 * hosts when there is none.
 */
export function findIntegration(
  registry: ScmIntegrationRegistry,
  url: URL,
): MatchedIntegration {
  const host = url.host.toLowerCase();
  const integrations = allIntegrations(registry);
  const match =
    integrations.find(i => i.host === host) ??
    integrations.find(i => apiHostOf(i) === host);
  if (!match) {
    const configured = [...new Set(integrations.map(i => i.host))];
    throw new NotFoundError(
      `No SCM integration for host '${host}'; configured hosts: ${configured.join(
        ', ',
      )}`,
    );
  }
  return match;
}
