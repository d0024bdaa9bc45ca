import type { LoggerService } from '@backstage/backend-plugin-api';
import { ForwardedError } from '@backstage/errors';
import type {
  OrgSource,
  OrgSourceReadResult,
} from '@identity-portal/plugin-catalog-org-sync-node';
import { Clock, systemClock } from './client/clock';
import { GithubHostAccess, reusedToken } from './client/credentials';
import { ClientStats, GithubGraphqlClient } from './client/GithubGraphqlClient';
import { RequestGate } from './client/RequestGate';
import type { GithubSourceConfig } from './config/types';
import { buildResult, OrgFailure } from './read/buildResult';
import { OrgRead, readOrg } from './read/readOrg';

/** Retry timing that config does not expose (tests shorten it). */
export type GithubRetryTiming = {
  /** First backoff step, doubled per failure (default 1000 ms). */
  baseDelayMs: number;
  /** Largest backoff step (default 30 s). */
  maxDelayMs: number;
  /** Rate-limit waits allowed per request (default 10). */
  maxWaits: number;
};

/** What a {@link GithubOrgSource} is made of. */
export interface GithubOrgSourceOptions {
  sourceId: string;
  config: GithubSourceConfig;
  configPath: string;
  access: GithubHostAccess;
  logger: LoggerService;
  /** Replaces the clock (tests run without waiting). */
  clock?: Clock;
  /** Replaces `fetch` (tests, benchmarks). */
  fetch?: typeof fetch;
  retryTiming?: Partial<GithubRetryTiming>;
  /** Receives the request counters of every read (benchmarks). */
  onStats?: (stats: ClientStats) => void;
}

const DEFAULT_TIMING: GithubRetryTiming = {
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxWaits: 10,
};

/** One configured GitHub source: the members and teams of its orgs. */
export class GithubOrgSource implements OrgSource {
  readonly type = 'github';
  readonly id: string;

  constructor(private readonly options: GithubOrgSourceOptions) {
    this.id = options.sourceId;
  }

  async read(options: { signal: AbortSignal }): Promise<OrgSourceReadResult> {
    const { config, access, logger } = this.options;
    const clock = this.options.clock ?? systemClock;
    const timing = { ...DEFAULT_TIMING, ...this.options.retryTiming };
    const gate = new RequestGate({
      maxConcurrency: config.maxConcurrency,
      maxRequestsPerSecond: config.maxRequestsPerSecond,
      clock,
    });
    const stats: ClientStats = {
      requests: 0,
      retries: 0,
      rateLimitWaits: 0,
      shrinks: 0,
    };
    const started = clock.now();
    const reads: OrgRead[] = [];
    const failures: OrgFailure[] = [];

    await Promise.all(
      config.orgs.map(async org => {
        const orgLogger = logger.child({ org });
        let client: GithubGraphqlClient | undefined;
        try {
          const credentials = await access.credentialsFor(org);
          client = new GithubGraphqlClient({
            url: access.graphqlUrl,
            getToken: reusedToken(access, org, credentials, clock),
            gate,
            clock,
            retry: {
              attempts: config.retry.attempts,
              maxWaitMs: config.retry.maxWaitSeconds * 1000,
              maxWaits: timing.maxWaits,
              baseDelayMs: timing.baseDelayMs,
              maxDelayMs: timing.maxDelayMs,
            },
            requestTimeoutMs: config.requestTimeoutMs,
            logger: orgLogger,
            fetch: this.options.fetch,
          });
          reads.push(
            await readOrg({
              org,
              config,
              client,
              // Installation tokens cannot read User.email; PATs can.
              publicEmail:
                credentials.type === 'token' &&
                config.emails.includes('public'),
              // suspendedAt exists on GitHub Enterprise Server only.
              suspendedAt:
                config.users.excludeSuspended && config.host !== 'github.com',
              signal: options.signal,
            }),
          );
        } catch (error) {
          if (options.signal.aborted) throw error;
          orgLogger.error(
            `GitHub org '${org}' could not be read`,
            error as Error,
          );
          failures.push({ org, message: (error as Error).message });
        } finally {
          if (client) {
            for (const k of Object.keys(stats) as Array<keyof ClientStats>) {
              stats[k] += client.stats[k];
            }
          }
        }
      }),
    );
    this.options.onStats?.(stats);

    // Nothing usable: every org failed, or gave up before its first page.
    const usable = reads.filter(
      read =>
        read.members.length > 0 ||
        read.teams.length > 0 ||
        (!read.membersFailure && !read.teamsFailure),
    );
    if (usable.length === 0) {
      const reasons = [
        ...failures.map(f => `${f.org}: ${f.message}`),
        ...reads.flatMap(read =>
          [read.membersFailure, read.teamsFailure]
            .filter(f => f !== undefined)
            .map(f => `${read.org}: ${f!.message}`),
        ),
      ];
      throw new ForwardedError(
        `No GitHub org of ${this.options.configPath} could be read`,
        new Error(reasons.join('; ')),
      );
    }
    // Config order, so that the first org wins when orgs disagree.
    reads.sort(
      (a, b) => config.orgs.indexOf(a.org) - config.orgs.indexOf(b.org),
    );
    const { result, summary } = buildResult({ config, reads, failures });
    logger.info(
      `Read ${result.users.length} users and ${
        result.groups.length
      } teams from GitHub org(s) ${config.orgs.join(', ')} on ${
        config.host
      } in ${clock.now() - started} ms with ${stats.requests} requests (${
        stats.retries
      } retries, ${stats.rateLimitWaits} rate-limit waits, ${
        stats.shrinks
      } page shrinks); ${summary.suspended} suspended user(s) and ${
        summary.excludedTeams
      } excluded team(s) left out${
        result.complete ? '' : '; the read is PARTIAL'
      }`,
    );
    return result;
  }
}
