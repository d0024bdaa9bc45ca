import { ConfigReader } from '@backstage/config';
import {
  ClientStats,
  createGithubOrgSourceFactory,
} from '@identity-portal/plugin-catalog-backend-module-org-sync-github';
import type { RunningStandin } from '@internal/scm-standins';
import { quietLogger } from './logger';
import type { ContenderResult } from './report';

export const DEMO_TOKEN = 'demo-github-token';
export const ORG = 'example-corp';

/** One read of our GitHub source (defaults only) against `standin`. */
export async function runOurs(
  standin: RunningStandin,
): Promise<ContenderResult> {
  const host = new URL(standin.url).host;
  const log: string[] = [];
  let stats: ClientStats | undefined;
  const source = createGithubOrgSourceFactory({
    rootConfig: new ConfigReader({
      integrations: {
        github: [
          { host, apiBaseUrl: `${standin.url}/api/v3`, token: DEMO_TOKEN },
        ],
      },
    }),
    onStats: s => {
      stats = s;
    },
  }).create({
    providerId: 'bench',
    sourceId: 'stand-in',
    config: new ConfigReader({ host, orgs: [ORG] }),
    configPath: 'catalog.providers.orgSync.bench.sources.github.stand-in',
    logger: quietLogger(log),
  });
  standin.requests.reset();
  const started = performance.now();
  const result = await source.read({ signal: AbortSignal.timeout(3_600_000) });
  const wallMs = performance.now() - started;
  const memberships = result.groups.reduce((n, g) => n + g.members.length, 0);
  return {
    contender: 'ours',
    ok: result.complete,
    wallMs,
    requests: standin.requests.count(),
    users: result.users.length,
    groups: result.groups.length,
    memberships,
    details: { stats, problems: result.problems.length, log: log.slice(0, 20) },
  };
}
