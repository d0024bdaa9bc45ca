import type { JsonObject } from '@backstage/types';
import {
  createTestSourceModule,
  startSingleSourceTestBackend,
  type OrgSyncRecorder,
  type SingleSourceTestBackend,
} from '@identity-portal/plugin-catalog-backend-module-org-sync/testUtils';
import { loadDemoOrg } from '@internal/demo-org';
import {
  githubFixtureFromDemoOrg,
  startGithubStandin,
  type RunningStandin,
} from '@internal/scm-standins';
import type { Knex } from 'knex';
import { createGithubOrgSourceFactory } from '../createGithubOrgSourceFactory';
import { catalogModuleOrgSyncGithub } from '../module';

export const PROVIDER_ID = 'corp';
export const DEMO_TOKEN = 'demo-github-token';
export const DEMO_ORG = 'example-corp';

/** The demo organisation as the GitHub source commits it. */
export const DEMO = (() => {
  const org = loadDemoOrg();
  const people = org.people.filter(p => p.github && !p.disabled);
  const users = people.map(p => `user:default/${p.github!.login}`);
  const groups = org.teams.map(t => `group:default/${t.id}`);
  return {
    users: users.length,
    groups: groups.length,
    refs: [...users, ...groups].sort(),
    suspended: org.people.filter(p => p.github && p.disabled).length,
  };
})();

export function startDemoStandin(): Promise<RunningStandin> {
  return startGithubStandin({
    fixture: githubFixtureFromDemoOrg(loadDemoOrg()),
  });
}

/**
 * The config a source block and the integration need for a stand-in;
 * `source` adds or overrides source keys.
 */
export function standinConfig(
  standin: RunningStandin,
  source: JsonObject = {},
) {
  const host = new URL(standin.url).host;
  return {
    integrations: {
      github: [
        { host, apiBaseUrl: `${standin.url}/api/v3`, token: DEMO_TOKEN },
      ],
    },
    source: { host, orgs: [DEMO_ORG], ...source },
  };
}

/**
 * The GitHub module with short backoff steps, so that fault tests do not
 * wait seconds per retry. Rate-limit waits stay exactly as GitHub says.
 */
const fastRetryGithubModule = createTestSourceModule(
  'org-sync-github-fast-retry',
  rootConfig =>
    createGithubOrgSourceFactory({
      rootConfig,
      retryTiming: { baseDelayMs: 20, maxDelayMs: 200 },
    }),
);

/**
 * Starts the real org sync engine with one provider `corp` whose only source
 * is `github.main`, recording every mutation into `recorder`.
 * `module: 'real'` installs `catalogModuleOrgSyncGithub` itself.
 */
export function startStandinBackend(options: {
  knex: Knex;
  recorder: OrgSyncRecorder;
  standin: RunningStandin;
  source?: JsonObject;
  module?: 'real' | 'fast-retry';
}): Promise<SingleSourceTestBackend> {
  const { integrations, source } = standinConfig(
    options.standin,
    options.source,
  );
  return startSingleSourceTestBackend({
    knex: options.knex,
    recorder: options.recorder,
    providerId: PROVIDER_ID,
    type: 'github',
    sourceModule:
      options.module === 'real'
        ? catalogModuleOrgSyncGithub
        : fastRetryGithubModule,
    source,
    config: { integrations },
  });
}
