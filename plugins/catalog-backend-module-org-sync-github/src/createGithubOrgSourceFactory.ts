import type { Config } from '@backstage/config';
import type { OrgSourceFactory } from '@identity-portal/plugin-catalog-org-sync-node';
import {
  ScmCredentialsBroker,
  ScmCredentialsService,
} from '@identity-portal/plugin-scm-integrations-node';
import type { Clock } from './client/clock';
import { createGithubHostAccess } from './client/credentials';
import type { ClientStats } from './client/GithubGraphqlClient';
import { readGithubSourceConfig } from './config/readGithubSourceConfig';
import { GithubOrgSource, GithubRetryTiming } from './GithubOrgSource';

/**
 * Options of {@link createGithubOrgSourceFactory}.
 *
 * @public
 */
export interface GithubOrgSourceFactoryOptions {
  /** The root config, for `integrations.github`. */
  rootConfig: Config;
  /**
   * Where tokens come from: the SCM credentials broker
   * (`scmCredentialsServiceRef`, which the backend module passes). Without
   * one (tests, benchmarks), each source gets a broker built from
   * `rootConfig` that logs to the source's logger.
   */
  scmCredentials?: ScmCredentialsService;
  /** Replaces the clock, so tests run without waiting. */
  clock?: Clock;
  /** Replaces `fetch`. */
  fetch?: typeof fetch;
  /** Shorter backoff steps (tests). */
  retryTiming?: Partial<GithubRetryTiming>;
  /** Receives the request counters after every read (benchmarks). */
  onStats?: (stats: ClientStats) => void;
}

/**
 * The `github` source type of the org sync engine. The backend module
 * registers it; tests and benchmarks can build sources without a backend.
 *
 * `create` validates the source block and checks that `integrations.github`
 * has an entry with credentials for its host (an `InputError` naming the
 * full key otherwise); it does not contact GitHub.
 *
 * @public
 */
export function createGithubOrgSourceFactory(
  options: GithubOrgSourceFactoryOptions,
): OrgSourceFactory {
  return {
    type: 'github',
    create({ sourceId, config, configPath, logger }) {
      const sourceConfig = readGithubSourceConfig(config, configPath);
      const access = createGithubHostAccess({
        rootConfig: options.rootConfig,
        host: sourceConfig.host,
        configPath,
        scmCredentials:
          options.scmCredentials ??
          ScmCredentialsBroker.fromConfig(options.rootConfig, {
            logger,
            pluginId: 'catalog',
          }),
      });
      return new GithubOrgSource({
        sourceId,
        config: sourceConfig,
        configPath,
        access,
        logger,
        clock: options.clock,
        fetch: options.fetch,
        retryTiming: options.retryTiming,
        onStats: options.onStats,
      });
    },
  };
}
