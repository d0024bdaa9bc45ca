import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  catalogProcessingExtensionPoint,
  type EntityProvider,
  type EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { JsonObject } from '@backstage/types';
import {
  catalogModuleOrgSync,
  type ProviderStatus,
  type RunReport,
} from '@identity-portal/plugin-catalog-backend-module-org-sync';
import { orgSyncSourcesExtensionPoint } from '@identity-portal/plugin-catalog-org-sync-node';
import { loadDemoOrg } from '@internal/demo-org';
import knexFactory, { type Knex } from 'knex';
import { abortableSleep } from '../../client/GitlabClient';
import { createGitlabOrgSourceFactory } from '../../createGitlabOrgSourceFactory';
import { catalogModuleOrgSyncGitlab } from '../../module';

export const PROVIDER_ID = 'corp';
export const ROOT_GROUP = 'example-corp';
/** The demo PAT the stand-in accepts. */
export const DEMO_TOKEN = 'demo-gitlab-token';

const SCHEDULE = {
  frequency: { hours: 24 },
  timeout: { minutes: 5 },
  initialDelay: { hours: 24 },
};

/** Mutations and the waits the source asked for, across backend starts. */
export type Recorder = {
  mutations: EntityProviderMutation[];
  waits: number[];
};

export function createRecorder(): Recorder {
  return { mutations: [], waits: [] };
}

export function createKnex(): Knex {
  return knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
}

/**
 * The GitLab module with tiny backoff steps (server-requested waits are
 * kept), recording every wait.
 */
function quickRetryModule(recorder: Recorder) {
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'org-sync-gitlab',
    register(env) {
      env.registerInit({
        deps: {
          sources: orgSyncSourcesExtensionPoint,
          rootConfig: coreServices.rootConfig,
        },
        async init({ sources, rootConfig }) {
          sources.addSourceFactory(
            createGitlabOrgSourceFactory({
              rootConfig,
              timing: { backoffBaseMs: 1, backoffMaxMs: 5 },
              sleep: (ms, signal) => {
                recorder.waits.push(ms);
                return abortableSleep(ms, signal);
              },
            }),
          );
        },
      });
    },
  });
}

export type EngineBackend = {
  refresh(): Promise<RunReport>;
  status(): Promise<ProviderStatus & { [key: string]: any }>;
  stop(): Promise<void>;
};

/**
 * The org sync engine with one provider `corp` whose only source is
 * `gitlab.main` against the stand-in at `standinUrl`. `realModule` uses the
 * published module as is; otherwise backoff steps are shortened.
 */
export async function startEngine(options: {
  knex: Knex;
  recorder: Recorder;
  standinUrl: string;
  source?: JsonObject;
  realModule?: boolean;
}): Promise<EngineBackend> {
  const providers: EntityProvider[] = [];
  const host = new URL(options.standinUrl).host;
  const backend = await startTestBackend({
    extensionPoints: [
      [
        catalogProcessingExtensionPoint,
        {
          addEntityProvider: (
            ...added: Array<EntityProvider | EntityProvider[]>
          ) => providers.push(...added.flat()),
          addProcessor: () => {},
          addPlaceholderResolver: () => {},
          setOnProcessingErrorHandler: () => {},
        },
      ],
    ],
    features: [
      catalogModuleOrgSync,
      options.realModule
        ? catalogModuleOrgSyncGitlab
        : quickRetryModule(options.recorder),
      mockServices.database.factory({ knex: options.knex }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.rootConfig.factory({
        data: {
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
          catalog: {
            providers: {
              orgSync: {
                [PROVIDER_ID]: {
                  schedule: SCHEDULE,
                  sources: {
                    gitlab: {
                      main: {
                        host,
                        group: ROOT_GROUP,
                        maxRetries: 3,
                        ...options.source,
                      },
                    },
                  },
                },
              },
            },
          },
        },
      }),
    ],
  });
  const provider = providers.find(
    p => p.getProviderName() === `org-sync:${PROVIDER_ID}`,
  );
  if (!provider) {
    await backend.stop();
    throw new Error(`org-sync:${PROVIDER_ID} was not registered`);
  }
  await provider.connect({
    applyMutation: async mutation => {
      options.recorder.mutations.push(mutation);
    },
    refresh: async () => {},
  });
  const { port } = backend.server.address() as { port: number };
  const baseUrl = `http://localhost:${port}/api/catalog/org-sync`;
  return {
    refresh: () =>
      (provider as unknown as { refresh(): Promise<RunReport> }).refresh(),
    status: async () => {
      const response = await fetch(`${baseUrl}/providers/${PROVIDER_ID}`, {
        headers: { Authorization: mockCredentials.user.header() },
      });
      return response.json();
    },
    stop: () => backend.stop(),
  };
}

type Entity = Extract<
  EntityProviderMutation,
  { type: 'full' }
>['entities'][number]['entity'];

function entitiesOf(mutation: EntityProviderMutation | undefined): Entity[] {
  if (!mutation || mutation.type !== 'full') {
    throw new Error(`expected a full mutation, got ${mutation?.type}`);
  }
  return mutation.entities.map(e => e.entity);
}

const refOf = (entity: Entity) =>
  `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`.toLowerCase();

/** The sorted lower-case refs of a full mutation. */
export function refsOf(mutation: EntityProviderMutation | undefined): string[] {
  return entitiesOf(mutation).map(refOf).sort();
}

/** The entity with `ref` in a full mutation. */
export function entityOf(
  mutation: EntityProviderMutation | undefined,
  ref: string,
): Entity | undefined {
  return entitiesOf(mutation).find(e => refOf(e) === ref);
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
  backend: EngineBackend,
  recorder: Recorder,
): Promise<string[]> {
  const report = await backend.refresh();
  expect(report.outcome).toBe('committed');
  expect(report.problems).toEqual([]);
  const refs = refsOf(recorder.mutations.at(-1));
  expect(refs).toEqual(demoRefs());
  return refs;
}

/** Every ref of `baseline` is in the last full mutation. */
export function expectNothingLost(recorder: Recorder, baseline: string[]) {
  const last = refsOf(recorder.mutations.at(-1));
  expect(baseline.filter(ref => !last.includes(ref))).toEqual([]);
}
