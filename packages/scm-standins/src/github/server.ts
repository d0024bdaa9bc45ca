import { FaultState } from '../common/faults';
import { MemoryRequestLog } from '../common/requestLog';
import { startHttpStandin } from '../common/server';
import { RunningStandin, StandinServerOptions } from '../types';
import { githubAppRoutes } from './app';
import { GithubFixture } from './fixture';
import { GithubFlavour } from './flavour';
import { createGraphqlHandler } from './graphql/handler';
import { githubSchema } from './graphql/schema';
import { GithubModel } from './model';
import { githubOAuthRoutes } from './oauth';
import { githubRestRoutes } from './rest';
import { GithubTokens } from './tokens';

export interface GithubStandinOptions extends StandinServerOptions {
  /** The data served: `githubFixtureFromDemoOrg(...)` or `generateGithubScaleFixture(...)`. */
  fixture: GithubFixture;
}

/**
 * Starts a GitHub Enterprise-style stand-in: OAuth at `/login/oauth/...`,
 * REST at `/api/v3/...`, GraphQL at `/api/graphql`.
 */
export async function startGithubStandin(
  options: GithubStandinOptions,
): Promise<RunningStandin> {
  const model = new GithubModel(options.fixture);
  const faults = new FaultState();
  const tokens = new GithubTokens(model, faults);
  const log = new MemoryRequestLog();
  const flavour = new GithubFlavour(faults);
  githubSchema();

  let url = '';
  const baseUrl = () => url;
  const running = await startHttpStandin({
    port: options.port,
    host: options.host,
    latencyMs: options.latencyMs,
    faults,
    log,
    flavour,
    routes: [
      ...githubOAuthRoutes(model, tokens),
      ...githubRestRoutes(model, tokens, baseUrl, flavour),
      ...githubAppRoutes(model, tokens, baseUrl),
      {
        method: 'POST',
        path: '/api/graphql',
        handler: createGraphqlHandler({
          model,
          tokens,
          faults,
          flavour,
          baseUrl,
        }),
      },
    ],
  });
  url = running.url;
  return { url, faults, requests: log, stop: running.stop };
}
