import type { Config } from '@backstage/config';
import type { GithubCredentialsProvider } from '@backstage/integration';
import type { OrgSourceFactory } from '@identity-portal/plugin-catalog-org-sync-node';
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
  /** Replaces `DefaultGithubCredentialsProvider` (tests). */
  credentialsProvider?: GithubCredentialsProvider;
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
        credentialsProvider: options.credentialsProvider,
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
