import {
  coreServices,
  createServiceFactory,
  type BackendFeature,
  type LoggerService,
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
import { loadDemoOrg } from '@internal/demo-org';
import type { SlapdInstance } from '@internal/slapd-harness';
import knexFactory, { type Knex } from 'knex';
import { Attribute, Change, Client } from 'ldapts';
import { catalogModuleOrgSyncLdap } from '../../module';

/** The org sync provider id every fault test configures. */
export const PROVIDER_ID = 'corp';
/** The config path of the LDAP source block. */
export const SOURCE_CONFIG_PATH = `catalog.providers.orgSync.${PROVIDER_ID}.sources.ldap.main`;

/** Never runs by itself: the tests call `refresh()`. */
const SCHEDULE = {
  frequency: { hours: 24 },
  timeout: { minutes: 5 },
  initialDelay: { hours: 24 },
};

/** One recorded log call, with the metadata of every `child()` merged in. */
export type LogLine = {
  level: 'error' | 'warn' | 'info' | 'debug';
  message: string;
  meta: Record<string, unknown>;
};

class RecordingLogger implements LoggerService {
  constructor(
    private readonly lines: LogLine[],
    private readonly fields: Record<string, unknown>,
  ) {}
  error(message: string, meta?: Error | JsonObject) {
    this.record('error', message, meta);
  }
  warn(message: string, meta?: Error | JsonObject) {
    this.record('warn', message, meta);
  }
  info(message: string, meta?: Error | JsonObject) {
    this.record('info', message, meta);
  }
  debug(message: string, meta?: Error | JsonObject) {
    this.record('debug', message, meta);
  }
  child(meta: JsonObject): LoggerService {
    return new RecordingLogger(this.lines, { ...this.fields, ...meta });
  }
  private record(
    level: LogLine['level'],
    message: string,
    meta?: Error | JsonObject,
  ) {
    const extra =
      meta instanceof Error
        ? { error: `${meta.name}: ${meta.message}\n${meta.stack ?? ''}` }
        : meta ?? {};
    this.lines.push({ level, message, meta: { ...this.fields, ...extra } });
  }
}

/** A root logger service that records every line into `lines`. */
export function recordingRootLogger(lines: LogLine[]) {
  return createServiceFactory({
    service: coreServices.rootLogger,
    deps: {},
    factory: () => new RecordingLogger(lines, {}),
  });
}

/** Everything the tests observe, kept across backend restarts. */
export type Recorder = {
  /** Every mutation handed to `applyMutation`, across backend starts. */
  mutations: EntityProviderMutation[];
  /** Every log line, across backend starts. */
  logs: LogLine[];
};

export function createRecorder(): Recorder {
  return { mutations: [], logs: [] };
}

/** An in-memory catalog database, shared by the backend starts of one test. */
export function createKnex(): Knex {
  return knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
}

/** A running backend with the engine and the LDAP source module. */
export type FaultBackend = {
  provider: EntityProvider;
  baseUrl: string;
  /** Runs one sync of `org-sync:corp` now. */
  refresh(): Promise<RunReport>;
  /** `GET /api/catalog/org-sync/providers/corp`, as JSON. */
  status(): Promise<ProviderStatus & { [key: string]: any }>;
  stop(): Promise<void>;
};

/**
 * Starts the engine and the LDAP module (plus `features`) against `knex`,
 * with one provider `corp` whose only source is `ldap.main` = `source`.
 * `engine` adds provider settings (`safety`, `merge`, ...).
 */
export async function startFaultBackend(options: {
  knex: Knex;
  recorder: Recorder;
  source: object;
  engine?: JsonObject;
  features?: BackendFeature[];
}): Promise<FaultBackend> {
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
      catalogModuleOrgSyncLdap,
      ...(options.features ?? []),
      recordingRootLogger(options.recorder.logs),
      mockServices.database.factory({ knex: options.knex }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            providers: {
              orgSync: {
                [PROVIDER_ID]: {
                  schedule: SCHEDULE,
                  ...options.engine,
                  sources: { ldap: { main: options.source as JsonObject } },
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
  for (const p of providers) {
    await p.connect({
      applyMutation: async mutation => {
        options.recorder.mutations.push(mutation);
      },
      refresh: async () => {},
    });
  }
  const { port } = backend.server.address() as { port: number };
  const baseUrl = `http://localhost:${port}/api/catalog/org-sync`;
  return {
    provider,
    baseUrl,
    refresh: () =>
      (provider as unknown as { refresh(): Promise<RunReport> }).refresh(),
    status: async () => {
      const response = await fetch(`${baseUrl}/providers/${PROVIDER_ID}`, {
        headers: { Authorization: mockCredentials.user.header() },
      });
      if (response.status !== 200) {
        throw new Error(
          `status route answered ${response.status}: ${await response.text()}`,
        );
      }
      return response.json();
    },
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

/** The entity of a full mutation with the given ref. */
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

/** The refs the demo organisation commits: enabled people and every team. */
/** Sizes of the demo organisation as the LDAP source reads it (enabled people, every team). */
export const DEMO = (() => {
  const org = loadDemoOrg();
  const users = org.people.filter(p => !p.disabled).length;
  const groups = org.teams.length;
  return { users, groups, entities: users + groups };
})();

export function demoRefs(): string[] {
  const org = loadDemoOrg();
  return [
    ...org.people
      .filter(p => !p.disabled)
      .map(p => `user:default/${p.ldap.uid}`),
    ...org.teams.map(t => `group:default/${t.id}`),
  ].sort();
}

/** Log lines at `level` whose message contains every one of `parts`. */
export function linesWith(
  logs: LogLine[],
  level: LogLine['level'],
  ...parts: string[]
): LogLine[] {
  return logs.filter(
    line =>
      line.level === level && parts.every(part => line.message.includes(part)),
  );
}

/** Every log line as text, metadata included, for "never logged" checks. */
export function allLogText(logs: LogLine[]): string {
  return logs
    .map(line => `${line.level} ${line.message} ${JSON.stringify(line.meta)}`)
    .join('\n');
}

/**
 * Runs the clean first sync every fault test starts with and checks it
 * committed the whole demo organisation (every enabled person and every team).
 * Returns its report and the refs it committed.
 */
export async function commitDemoOrg(
  backend: FaultBackend,
  recorder: Recorder,
): Promise<{ report: RunReport; refs: string[] }> {
  const before = recorder.mutations.length;
  const report = await backend.refresh();
  if (report.outcome !== 'committed') {
    throw new Error(
      `the clean first run was ${report.outcome}: ${JSON.stringify(
        report.problems,
      )}`,
    );
  }
  expect(report.counts.read).toEqual({
    users: DEMO.users,
    groups: DEMO.groups,
  });
  expect(report.counts.committed).toEqual({
    users: DEMO.users,
    groups: DEMO.groups,
  });
  expect(report.counts.added).toBe(DEMO.entities);
  expect(report.problems).toEqual([]);
  expect(recorder.mutations).toHaveLength(before + 1);
  const refs = refsOf(recorder.mutations.at(-1));
  expect(refs).toEqual(demoRefs());
  return { report, refs };
}

/** Checks that every ref of `baseline` is in the last full mutation. */
export function expectNothingLost(recorder: Recorder, baseline: string[]) {
  const last = refsOf(recorder.mutations.at(-1));
  expect(baseline.filter(ref => !last.includes(ref))).toEqual([]);
}

/** An ldapts client bound as the directory's root DN. */
export async function rootClient(instance: SlapdInstance): Promise<Client> {
  const client = new Client({ url: instance.url });
  await client.bind(instance.rootDn, instance.rootPassword);
  return client;
}

/** Changes one entry as root (`ldapmodify`). */
export async function modifyAsRoot(
  instance: SlapdInstance,
  dn: string,
  operation: 'add' | 'delete' | 'replace',
  type: string,
  values: string[] = [],
): Promise<void> {
  const client = await rootClient(instance);
  try {
    await client.modify(
      dn,
      new Change({ operation, modification: new Attribute({ type, values }) }),
    );
  } finally {
    await client.unbind();
  }
}

/** Deletes entries as root (`ldapdelete`). */
export async function deleteAsRoot(
  instance: SlapdInstance,
  dns: string[],
): Promise<void> {
  const client = await rootClient(instance);
  try {
    for (const dn of dns) await client.del(dn);
  } finally {
    await client.unbind();
  }
}

/** The `entryUUID` of an entry, read as root. */
export async function entryUuid(
  instance: SlapdInstance,
  dn: string,
): Promise<string> {
  const client = await rootClient(instance);
  try {
    const { searchEntries } = await client.search(dn, {
      scope: 'base',
      attributes: ['entryUUID'],
    });
    return String(searchEntries[0].entryUUID);
  } finally {
    await client.unbind();
  }
}
