import { FaultState } from '../common/faults';
import { MemoryRequestLog } from '../common/requestLog';
import { startHttpStandin } from '../common/server';
import { RunningStandin, StandinServerOptions } from '../types';
import { GitlabFixture } from './fixture';
import { GitlabFlavour } from './flavour';
import { GitlabModel } from './model';
import { gitlabOAuthRoutes } from './oauth';
import { gitlabRestRoutes } from './rest';
import { GitlabTokens } from './tokens';

export interface GitlabStandinOptions extends StandinServerOptions {
  /** The data served: `gitlabFixtureFromDemoOrg(...)` or `generateGitlabScaleFixture(...)`. */
  fixture: GitlabFixture;
}

/** Starts a GitLab stand-in: OAuth at `/oauth/...`, REST at `/api/v4/...`. */
export async function startGitlabStandin(
  options: GitlabStandinOptions,
): Promise<RunningStandin> {
  const model = new GitlabModel(options.fixture);
  const faults = new FaultState();
  const tokens = new GitlabTokens(model, faults);
  const log = new MemoryRequestLog();
  let url = '';
  const running = await startHttpStandin({
    port: options.port,
    host: options.host,
    latencyMs: options.latencyMs,
    faults,
    log,
    flavour: new GitlabFlavour(faults),
    routes: [
      ...gitlabOAuthRoutes(model, tokens),
      ...gitlabRestRoutes(model, tokens, faults, () => url),
    ],
  });
  url = running.url;
  return { url, faults, requests: log, stop: running.stop };
}
