/*
 * Contender "ours": the org sync engine plus its LDAP source, started in a
 * test backend as the portal would start them, one sync run through the
 * provider's refresh(). Timed from just before refresh() until the full
 * mutation reaches applyMutation; the time including backend start is
 * reported as well. Started by the benchmark with BENCH params in the env.
 */
import path from 'node:path';
import type {
  BackendFeature,
  ExtensionPoint,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import {
  ChildResult,
  errorText,
  finish,
  heapUsedMB,
  peakRssMB,
  readChildParams,
  rssMB,
  startCpuProfile,
} from './protocol';

type Mark = { at: number; rssMB: number; heapUsedMB: number };

function mark(): Mark {
  return { at: performance.now(), rssMB: rssMB(), heapUsedMB: heapUsedMB() };
}

/** The id under catalog.providers.orgSync used by the benchmark. */
const BENCH_PROVIDER_ID = 'bench';
/** The id of the LDAP source under sources.ldap. */
const BENCH_SOURCE_ID = 'main';

async function loadFeature(entry: string): Promise<BackendFeature> {
  const mod = await import(entry);
  const feature = mod.default?.default ?? mod.default;
  if (!feature || feature.$$type !== '@backstage/BackendFeature') {
    throw new Error(`${entry} has no default export that is a backend feature`);
  }
  return feature;
}

type SearchCall = {
  method: string;
  base: string;
  scope?: unknown;
  filter?: unknown;
  attributes?: unknown;
  paged?: unknown;
  sizeLimit?: unknown;
};

/**
 * Records the searches the LDAP source makes through ldapts (base, filter,
 * attributes), so that the floor can ask for exactly the same attributes.
 */
function captureLdaptsSearches(ldapSourceEntry: string): SearchCall[] {
  const calls: SearchCall[] = [];
  let ldaptsPath: string;
  try {
    ldaptsPath = require.resolve('ldapts', {
      paths: [path.dirname(ldapSourceEntry)],
    });
  } catch {
    return calls;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ldapts = require(ldaptsPath);
  const proto = ldapts.Client?.prototype;
  for (const method of ['search', 'searchPaginated']) {
    const original = proto?.[method];
    if (typeof original !== 'function') {
      continue;
    }
    proto[method] = function recordSearch(base: unknown, options: any = {}) {
      calls.push({
        method,
        base: String(base),
        scope: options.scope,
        filter:
          typeof options.filter === 'string'
            ? options.filter
            : options.filter?.toString?.(),
        attributes: options.attributes,
        paged: options.paged,
        sizeLimit: options.sizeLimit,
      });
      return original.apply(this, [base, options]);
    };
  }
  return calls;
}

async function main(): Promise<ChildResult> {
  const params = readChildParams();
  const { directory } = params;
  if (!params.engineEntry || !params.ldapSourceEntry) {
    throw new Error('engineEntry and ldapSourceEntry are required');
  }
  const searchCalls = params.captureSearches
    ? captureLdaptsSearches(params.ldapSourceEntry)
    : [];
  const [engine, ldapSource] = await Promise.all([
    loadFeature(params.engineEntry),
    loadFeature(params.ldapSourceEntry),
  ]);

  const config = {
    catalog: {
      providers: {
        orgSync: {
          [BENCH_PROVIDER_ID]: {
            // Never fires during the benchmark: the run is started by refresh().
            schedule: {
              frequency: { hours: 24 },
              timeout: { minutes: 30 },
              initialDelay: { hours: 24 },
            },
            sources: {
              ldap: {
                [BENCH_SOURCE_ID]: {
                  url: directory.url,
                  bind: {
                    dn: directory.bindDn,
                    password: directory.bindPassword,
                  },
                  users: {
                    baseDn: directory.usersBaseDn,
                    filter: directory.usersFilter,
                  },
                  groups: {
                    baseDn: directory.groupsBaseDn,
                    filter: directory.groupsFilter,
                  },
                },
              },
            },
          },
        },
      },
    },
  };

  const providers: EntityProvider[] = [];
  const catalogProcessing = {
    addEntityProvider(...added: Array<EntityProvider | EntityProvider[]>) {
      providers.push(...added.flat());
    },
    addProcessor() {},
    addPlaceholderResolver() {},
    setOnProcessingErrorHandler() {},
  };

  const backendStart = mark();
  const backend = await startTestBackend({
    extensionPoints: [
      [
        catalogProcessingExtensionPoint as ExtensionPoint<
          typeof catalogProcessing
        >,
        catalogProcessing,
      ],
    ],
    features: [
      engine,
      ldapSource,
      mockServices.rootConfig.factory({ data: config }),
      mockServices.rootLogger.factory({ level: params.logLevel ?? 'warn' }),
    ],
  });
  const backendStarted = mark();

  const provider = providers.find(
    p => typeof (p as { refresh?: unknown }).refresh === 'function',
  );
  if (!provider) {
    throw new Error(
      `no entity provider with a refresh() method was added (added: ${
        providers.map(p => p.getProviderName()).join(', ') || 'none'
      })`,
    );
  }

  let mutation: EntityProviderMutation | undefined;
  let applyMark: Mark | undefined;
  let mutations = 0;
  // Peak RSS up to the commit: the same section as the time (the snapshot
  // write after the commit is not part of either).
  let peakAtCommit: number | undefined;
  const connection: EntityProviderConnection = {
    async applyMutation(m) {
      mutations++;
      if (!applyMark) {
        applyMark = mark();
        peakAtCommit = peakRssMB();
        mutation = m;
      }
    },
    async refresh() {},
  };
  await provider.connect(connection);

  const stopProfile = await startCpuProfile(params);
  const start = mark();
  const report = await (
    provider as unknown as { refresh(): Promise<unknown> }
  ).refresh();
  const end = mark();
  const cpuProfile = await stopProfile();
  if (!mutation || !applyMark) {
    throw new Error(
      `refresh() resolved without calling applyMutation: ${describeReport(
        report,
      )}`,
    );
  }
  if (mutation.type !== 'full') {
    throw new Error(`expected a full mutation, got ${mutation.type}`);
  }

  let users = 0;
  let groups = 0;
  for (const { entity } of mutation.entities) {
    if (entity.kind === 'User') users++;
    else if (entity.kind === 'Group') groups++;
  }

  const memory = Object.fromEntries(
    Object.entries({
      backendStart,
      backendStarted,
      start,
      applyMutation: applyMark,
      end,
    }).map(([name, m]) => [
      name,
      { rssMB: round(m.rssMB), heapUsedMB: round(m.heapUsedMB) },
    ]),
  );
  const reportText = JSON.stringify(report) ?? 'undefined';

  const result: ChildResult = {
    ok: true,
    wallMs: applyMark.at - start.at,
    totalMs: applyMark.at - backendStart.at,
    users,
    groups,
    baseRssMB: start.rssMB,
    peakRssMB: peakAtCommit,
    phases: {
      backendStart: backendStarted.at - backendStart.at,
      syncToMutation: applyMark.at - start.at,
      ...splitBySourceRead(report, applyMark.at - start.at),
      afterMutation: end.at - applyMark.at,
    },
    details: {
      cpuProfile,
      provider: provider.getProviderName(),
      mutations,
      memory,
      searches: searchCalls,
      report:
        reportText.length > 20000
          ? `${reportText.slice(0, 20000)}… (truncated)`
          : safeParse(reportText),
      sampleUser: mutation.entities.find(e => e.entity.kind === 'User')?.entity,
      sampleGroup: mutation.entities.find(e => e.entity.kind === 'Group')
        ?.entity,
    },
  };
  // Stopping is not measured; do not let a slow shutdown hold the result.
  await Promise.race([
    backend.stop().catch(() => {}),
    new Promise(resolve => setTimeout(resolve, 5000).unref()),
  ]);
  return result;
}

/**
 * The engine's run report says how long its sources took; the rest of the
 * time until applyMutation is the engine's own work (naming, merging,
 * diffing, building entities).
 */
function splitBySourceRead(
  report: unknown,
  syncMs: number,
): Record<string, number> {
  const sources = (report as { sources?: Array<{ durationMs?: unknown }> })
    ?.sources;
  const durations = (Array.isArray(sources) ? sources : [])
    .map(s => s.durationMs)
    .filter((d): d is number => typeof d === 'number');
  if (durations.length === 0) {
    return {};
  }
  const sourceRead = Math.max(...durations);
  return { sourceRead, engineUntilMutation: syncMs - sourceRead };
}

/** The outcome, reason and source errors of a run report, in one line. */
function describeReport(report: unknown): string {
  const r = (report ?? {}) as {
    outcome?: unknown;
    reason?: unknown;
    sources?: Array<{ source?: unknown; error?: unknown }>;
  };
  const parts = [`outcome ${String(r.outcome)}`];
  if (r.reason) parts.push(String(r.reason));
  for (const source of r.sources ?? []) {
    if (source.error) parts.push(`${source.source}: ${source.error}`);
  }
  return parts.join('; ');
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function round(v: number) {
  return Math.round(v * 10) / 10;
}

main().then(finish, error => finish({ ok: false, error: errorText(error) }));
