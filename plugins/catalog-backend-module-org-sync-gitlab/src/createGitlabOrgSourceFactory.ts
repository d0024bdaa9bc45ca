import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import type { OrgSourceFactory } from '@identity-portal/plugin-catalog-org-sync-node';
import {
  ScmCredentialsBroker,
  ScmCredentialsService,
} from '@identity-portal/plugin-scm-integrations-node';
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
  /**
   * Where the token comes from: the SCM credentials broker
   * (`scmCredentialsServiceRef`, which the backend module passes). Without
   * one (tests, benchmarks), each source gets a broker built from
   * `rootConfig` that logs to the source's logger.
   */
  scmCredentials?: ScmCredentialsService;
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
 * entry of its `host` (with a token); it does not contact GitLab. Each read
 * asks the SCM credentials broker for the token once.
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
      if (!integration.config.token) {
        throw new InputError(
          `${configPath}.host: the integrations.gitlab entry for '${sourceConfig.host}' has no token; set integrations.gitlab[].token (a token with the read_api scope)`,
        );
      }
      return new GitlabOrgSource({
        sourceId,
        config: sourceConfig,
        apiBaseUrl: integration.config.apiBaseUrl,
        scmCredentials:
          options.scmCredentials ??
          ScmCredentialsBroker.fromConfig(options.rootConfig, {
            logger,
            pluginId: 'catalog',
          }),
        hostname: hostnameOf(sourceConfig.host),
        logger: logger.child({ gitlabHost: sourceConfig.host }),
        timing: options.timing,
        sleep: options.sleep,
      });
    },
  };
}
