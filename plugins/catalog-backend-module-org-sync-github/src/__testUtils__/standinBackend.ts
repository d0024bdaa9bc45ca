import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  catalogProcessingExtensionPoint,
  type EntityProvider,
  type EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { JsonObject } from '@backstage/types';
import {
  catalogModuleOrgSync,
  type RunReport,
} from '@identity-portal/plugin-catalog-backend-module-org-sync';
import { orgSyncSourcesExtensionPoint } from '@identity-portal/plugin-catalog-org-sync-node';
import { loadDemoOrg } from '@internal/demo-org';
import {
  githubFixtureFromDemoOrg,
  startGithubStandin,
  type RunningStandin,
} from '@internal/scm-standins';
import knexFactory, { type Knex } from 'knex';
import { createGithubOrgSourceFactory } from '../createGithubOrgSourceFactory';
import { catalogModuleOrgSyncGithub } from '../module';

export const PROVIDER_ID = 'corp';
export const DEMO_TOKEN = 'demo-github-token';
export const DEMO_ORG = 'example-corp';

/** Never runs by itself: the tests call `refresh()`. */
const SCHEDULE = {
  frequency: { hours: 24 },
  timeout: { minutes: 5 },
  initialDelay: { hours: 24 },
};

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
const fastRetryGithubModule = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'org-sync-github-fast-retry',
  register(env) {
    env.registerInit({
      deps: {
        sources: orgSyncSourcesExtensionPoint,
        rootConfig: coreServices.rootConfig,
      },
      async init({ sources, rootConfig }) {
        sources.addSourceFactory(
          createGithubOrgSourceFactory({
            rootConfig,
            retryTiming: { baseDelayMs: 20, maxDelayMs: 200 },
          }),
        );
      },
    });
  },
});

export type StandinBackend = {
  /** Runs one sync of `org-sync:corp` now. */
  refresh(): Promise<RunReport>;
  stop(): Promise<void>;
};

export function createKnex(): Knex {
  return knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
}

/**
 * Starts the real org sync engine with one provider `corp` whose only source
 * is `github.main`, recording every mutation into `mutations`.
 * `module: 'real'` installs `catalogModuleOrgSyncGithub` itself.
 */
export async function startStandinBackend(options: {
  knex: Knex;
  mutations: EntityProviderMutation[];
  standin: RunningStandin;
  source?: JsonObject;
  module?: 'real' | 'fast-retry';
}): Promise<StandinBackend> {
  const { integrations, source } = standinConfig(
    options.standin,
    options.source,
  );
  const providers: EntityProvider[] = [];
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
      options.module === 'real'
        ? catalogModuleOrgSyncGithub
        : fastRetryGithubModule,
      mockServices.database.factory({ knex: options.knex }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.rootConfig.factory({
        data: {
          integrations,
          catalog: {
            providers: {
              orgSync: {
                [PROVIDER_ID]: {
                  schedule: SCHEDULE,
                  sources: { github: { main: source } },
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
      options.mutations.push(mutation);
    },
    refresh: async () => {},
  });
  return {
    refresh: () =>
      (provider as unknown as { refresh(): Promise<RunReport> }).refresh(),
    stop: () => backend.stop(),
  };
}

/** The lower-case entity refs of a full mutation. */
export function refsOf(mutation: EntityProviderMutation | undefined): string[] {
  if (!mutation || mutation.type !== 'full') {
    throw new Error(`expected a full mutation, got ${mutation?.type}`);
  }
  return mutation.entities
    .map(({ entity }) =>
      `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
        entity.metadata.name
      }`.toLowerCase(),
    )
    .sort();
}

/** The entity with `ref` in a full mutation. */
export function entityOf(
  mutation: EntityProviderMutation | undefined,
  ref: string,
) {
  if (!mutation || mutation.type !== 'full') {
    throw new Error(`expected a full mutation, got ${mutation?.type}`);
  }
  return mutation.entities.find(
    ({ entity }) =>
      `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
        entity.metadata.name
      }`.toLowerCase() === ref,
  )?.entity;
}
