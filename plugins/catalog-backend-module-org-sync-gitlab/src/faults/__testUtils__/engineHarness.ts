import type { JsonObject } from '@backstage/types';
import {
  createRecorder as createBaseRecorder,
  createTestSourceModule,
  refsOf,
  startSingleSourceTestBackend,
  type OrgSyncRecorder,
  type SingleSourceTestBackend,
} from '@identity-portal/plugin-catalog-backend-module-org-sync/testUtils';
import { loadDemoOrg } from '@internal/demo-org';
import type { Knex } from 'knex';
import { abortableSleep } from '../../client/GitlabClient';
import { createGitlabOrgSourceFactory } from '../../createGitlabOrgSourceFactory';
import { catalogModuleOrgSyncGitlab } from '../../module';

export const PROVIDER_ID = 'corp';
export const ROOT_GROUP = 'example-corp';
/** The demo PAT the stand-in accepts. */
export const DEMO_TOKEN = 'demo-gitlab-token';

/** Mutations, logs and the waits the source asked for, across backend starts. */
export type Recorder = OrgSyncRecorder & { waits: number[] };

export function createRecorder(): Recorder {
  return { ...createBaseRecorder(), waits: [] };
}

/**
 * The GitLab module with tiny backoff steps (server-requested waits are
 * kept), recording every wait.
 */
function quickRetryModule(recorder: Recorder) {
  return createTestSourceModule('org-sync-gitlab', rootConfig =>
    createGitlabOrgSourceFactory({
      rootConfig,
      timing: { backoffBaseMs: 1, backoffMaxMs: 5 },
      sleep: (ms, signal) => {
        recorder.waits.push(ms);
        return abortableSleep(ms, signal);
      },
    }),
  );
}

/**
 * The org sync engine with one provider `corp` whose only source is
 * `gitlab.main` against the stand-in at `standinUrl`. `realModule` uses the
 * published module as is; otherwise backoff steps are shortened.
 */
export function startEngine(options: {
  knex: Knex;
  recorder: Recorder;
  standinUrl: string;
  source?: JsonObject;
  realModule?: boolean;
}): Promise<SingleSourceTestBackend> {
  const host = new URL(options.standinUrl).host;
  return startSingleSourceTestBackend({
    knex: options.knex,
    recorder: options.recorder,
    providerId: PROVIDER_ID,
    type: 'gitlab',
    sourceModule: options.realModule
      ? catalogModuleOrgSyncGitlab
      : quickRetryModule(options.recorder),
    source: { host, group: ROOT_GROUP, maxRetries: 3, ...options.source },
    config: {
      integrations: {
        gitlab: [
          {
            host,
            apiBaseUrl: `${options.standinUrl}/api/v4`,
            baseUrl: options.standinUrl,
            token: DEMO_TOKEN,
          },
        ],
      },
    },
  });
}

/** Full path of a demo team's group below the root group. */
function teamPath(teamId: string): string {
  const org = loadDemoOrg();
  const chain: string[] = [];
  for (
    let team = org.teams.find(t => t.id === teamId);
    team;
    team = team.parent ? org.teams.find(t => t.id === team!.parent) : undefined
  ) {
    chain.unshift(team.id);
  }
  return chain.join('/');
}

/** The group name the source derives for a demo team (path below the root, `/` as `-`). */
export function demoGroupName(teamId: string): string {
  return teamPath(teamId).replace(/\//g, '-');
}

/** The group of a demo team, by full path. */
export function demoGroupPath(teamId: string): string {
  return `${ROOT_GROUP}/${teamPath(teamId)}`;
}

/**
 * What a clean read of the demo GitLab commits: every enabled person with a
 * GitLab account in at least one team, every team, and the root group.
 */
export function demoRefs(): string[] {
  const org = loadDemoOrg();
  return [
    ...org.people
      .filter(p => p.gitlab && !p.disabled && p.teams.length > 0)
      .map(p => `user:default/${p.gitlab!.username.toLowerCase()}`),
    ...org.teams.map(t => `group:default/${demoGroupName(t.id)}`),
    `group:default/${ROOT_GROUP}`,
  ].sort();
}

/** Runs the clean first sync and checks it committed the whole demo tree. */
export async function commitDemo(
  backend: SingleSourceTestBackend,
  recorder: Recorder,
): Promise<string[]> {
  const report = await backend.refresh();
  expect(report.outcome).toBe('committed');
  expect(report.problems).toEqual([]);
  const refs = refsOf(recorder.mutations.at(-1));
  expect(refs).toEqual(demoRefs());
  return refs;
}
