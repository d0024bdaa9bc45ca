import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  getGitLabRequestOptions,
  ScmIntegrations,
} from '@backstage/integration';
import type { OrgSourceFactory } from '@identity-portal/plugin-catalog-org-sync-node';
import type { RetryTiming } from './client/retryDelay';
import { readGitlabSourceConfig } from './config/readGitlabSourceConfig';
import { GitlabOrgSource } from './GitlabOrgSource';

/**
 * Options of {@link createGitlabOrgSourceFactory}.
 *
 * @public
 */
export interface GitlabOrgSourceFactoryOptions {
  /** The root config; `integrations.gitlab` supplies API URL and token. */
  rootConfig: Config;
  /** Retry timing (tests and benchmarks shorten it). */
  timing?: Partial<RetryTiming>;
  /** Replaces the wait between retries (tests). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** The host name without port, for annotation keys (`gitlab.example.com`). */
function hostnameOf(host: string): string {
  return new URL(`http://${host}`).hostname;
}

/**
 * The `gitlab` source type of the org sync engine. The backend module
 * registers it; code (tests, benchmarks) can build sources without a backend.
 *
 * `create` validates the source block and finds the `integrations.gitlab`
 * entry of its `host` (with a token); it does not contact GitLab.
 *
 * @public
 */
export function createGitlabOrgSourceFactory(
  options: GitlabOrgSourceFactoryOptions,
): OrgSourceFactory {
  const integrations = ScmIntegrations.fromConfig(options.rootConfig);
  return {
    type: 'gitlab',
    create({ sourceId, config, configPath, logger }) {
      const sourceConfig = readGitlabSourceConfig(config, configPath);
      const integration = integrations.gitlab.byHost(sourceConfig.host);
      if (!integration) {
        throw new InputError(
          `${configPath}.host: no integrations.gitlab entry has host '${sourceConfig.host}'; add one with its apiBaseUrl and a token with the read_api scope`,
        );
      }
      const { headers } = getGitLabRequestOptions(integration.config);
      if (!integration.config.token && !Object.keys(headers).length) {
        throw new InputError(
          `${configPath}.host: the integrations.gitlab entry for '${sourceConfig.host}' has no token; set integrations.gitlab[].token (a token with the read_api scope)`,
        );
      }
      return new GitlabOrgSource({
        sourceId,
        config: sourceConfig,
        apiBaseUrl: integration.config.apiBaseUrl,
        headers,
        hostname: hostnameOf(sourceConfig.host),
        logger: logger.child({ gitlabHost: sourceConfig.host }),
        timing: options.timing,
        sleep: options.sleep,
      });
    },
  };
}
