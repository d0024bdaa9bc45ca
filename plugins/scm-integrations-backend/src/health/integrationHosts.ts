import type { Config } from '@backstage/config';
import {
  readAzureIntegrationConfig,
  readBitbucketCloudIntegrationConfig,
  readBitbucketServerIntegrationConfig,
  readGitLabIntegrationConfig,
  readGithubIntegrationConfig,
} from '@backstage/integration';
import type {
  IntegrationConsumer,
  ScmIntegrationType,
} from '@identity-portal/plugin-scm-integrations-common';
import { azureChecks } from './checkers/azure';
import { bitbucketCloudChecks } from './checkers/bitbucketCloud';
import { bitbucketServerChecks } from './checkers/bitbucketServer';
import { githubAppCheck } from './checkers/githubApp';
import { githubTokenCheck } from './checkers/githubToken';
import { gitlabTokenCheck } from './checkers/gitlabToken';
import type { CredentialCheck } from './checkers/types';

/** A configured integration host (or one a consumer uses without an integration). */
export interface IntegrationHost {
  integrationType: ScmIntegrationType;
  host: string;
  apiBaseUrl?: string;
  checks: CredentialCheck[];
}

function configured<T>(
  config: Config,
  type: ScmIntegrationType,
  read: (entry: Config) => T,
): T[] {
  return (config.getOptionalConfigArray(`integrations.${type}`) ?? []).map(
    read,
  );
}

function githubHosts(config: Config): IntegrationHost[] {
  return configured(config, 'github', readGithubIntegrationConfig).map(
    entry => {
      const apiBaseUrl = (
        entry.apiBaseUrl ?? `https://${entry.host}/api/v3`
      ).replace(/\/+$/, '');
      return {
        integrationType: 'github',
        host: entry.host,
        apiBaseUrl,
        checks: [
          ...(entry.apps ?? []).map(app => githubAppCheck({ apiBaseUrl, app })),
          ...(entry.token
            ? [githubTokenCheck({ apiBaseUrl, token: entry.token })]
            : []),
        ],
      };
    },
  );
}

function gitlabHosts(config: Config): IntegrationHost[] {
  return configured(config, 'gitlab', readGitLabIntegrationConfig).map(
    entry => ({
      integrationType: 'gitlab',
      host: entry.host,
      apiBaseUrl: entry.apiBaseUrl,
      checks: entry.token
        ? [
            gitlabTokenCheck({
              apiBaseUrl: entry.apiBaseUrl,
              token: entry.token,
            }),
          ]
        : [],
    }),
  );
}

/**
 * Every host under `integrations:` with the checks of its credentials, then
 * the hosts consumers name that have no integration (no credentials). Only
 * hosts written in the config: not the defaults `@backstage/integration`
 * adds for github.com and gitlab.com.
 */
export function listIntegrationHosts(
  config: Config,
  consumers: IntegrationConsumer[],
): IntegrationHost[] {
  const hosts: IntegrationHost[] = [
    ...githubHosts(config),
    ...gitlabHosts(config),
    ...configured(
      config,
      'bitbucketCloud',
      readBitbucketCloudIntegrationConfig,
    ).map(entry => ({
      integrationType: 'bitbucketCloud' as const,
      host: entry.host,
      apiBaseUrl: entry.apiBaseUrl,
      checks: bitbucketCloudChecks(entry),
    })),
    ...configured(
      config,
      'bitbucketServer',
      readBitbucketServerIntegrationConfig,
    ).map(entry => ({
      integrationType: 'bitbucketServer' as const,
      host: entry.host,
      apiBaseUrl: entry.apiBaseUrl,
      checks: bitbucketServerChecks(entry),
    })),
    ...configured(config, 'azure', readAzureIntegrationConfig).map(entry => ({
      integrationType: 'azure' as const,
      host: entry.host,
      checks: azureChecks(entry),
    })),
  ];
  for (const consumer of consumers) {
    if (!hosts.some(h => sameHost(h, consumer))) {
      hosts.push({
        integrationType: consumer.integrationType,
        host: consumer.host,
        checks: [],
      });
    }
  }
  return hosts;
}

/** Whether a consumer uses this host. */
export function sameHost(
  host: { integrationType: ScmIntegrationType; host: string },
  other: { integrationType: ScmIntegrationType; host: string },
): boolean {
  return (
    host.integrationType === other.integrationType &&
    host.host.toLowerCase() === other.host.toLowerCase()
  );
}
