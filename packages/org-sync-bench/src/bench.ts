import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { BenchOptions, ContenderName, roundOrder } from './args';
import type {
  ChildParams,
  ChildResult,
  DirectoryParams,
} from './children/protocol';
import { SearchSpec, timedLdapsearch } from './ldapsearch';
import {
  ContenderInfo,
  RunResult,
  evaluateTargets,
  formatPhases,
  formatSummaryTable,
  formatTargets,
  summarize,
} from './report';
import { runNodeChild } from './runChild';
import { SeededDirectory, seedDirectory } from './seed';

/** This package's directory, and the repository root two levels up. */
const PACKAGE_DIR = resolvePackagePath('@internal/org-sync-bench');
export const REPO_ROOT = path.resolve(PACKAGE_DIR, '../..');

const ENGINE_DIR = 'plugins/catalog-backend-module-org-sync';
const LDAP_SOURCE_DIR = 'plugins/catalog-backend-module-org-sync-ldap';
/** Ours runs as published (compiled JavaScript), like the upstream package. */
const BUILT_ENTRY = 'dist/index.cjs.js';

/**
 * What the floor asks for until our LDAP source has been seen searching: the
 * ours contender records its searches (base, scope, filter, attributes) and
 * from then on the floor dumps exactly those.
 */
export const DEFAULT_FLOOR_ATTRIBUTES = {
  users: [
    'entryUUID',
    'uid',
    'cn',
    'displayName',
    'mail',
    'givenName',
    'sn',
    'employeeNumber',
    'employeeType',
    'memberOf',
  ],
  groups: ['entryUUID', 'cn', 'description', 'member', 'memberOf'],
};

/** What upstream asks for by default. */
const ALL_ATTRIBUTES = ['*', '+'];

interface Contender extends ContenderInfo {
  contender: ContenderName;
  run(round: number): Promise<ChildResult>;
}

type Scope = 'base' | 'one' | 'sub';

/** The two searches a floor run makes, and where they come from. */
interface FloorSearches {
  users: Omit<SearchSpec, 'pageSize'>;
  groups: Omit<SearchSpec, 'pageSize'>;
  source: string;
}

function mb(kib: number) {
  return kib / 1024;
}

function floorContender(
  name: ContenderName,
  description: string,
  directory: DirectoryParams,
  pageSize: number,
  searches: () => FloorSearches,
): Contender {
  return {
    contender: name,
    description,
    available: true,
    async run() {
      const spec = searches();
      const start = performance.now();
      try {
        const [users, groups] = await Promise.all([
          timedLdapsearch(directory, { ...spec.users, pageSize }),
          timedLdapsearch(directory, { ...spec.groups, pageSize }),
        ]);
        return {
          ok: true,
          wallMs: performance.now() - start,
          // Both run at the same time, so their peaks add up.
          peakRssMB: mb(users.maxRssKiB + groups.maxRssKiB),
          phases: {
            usersSearch: users.elapsedS * 1000,
            groupsSearch: groups.elapsedS * 1000,
          },
          details: {
            searches: { ...spec, pageSize },
            peakRssMBEach: {
              users: mb(users.maxRssKiB),
              groups: mb(groups.maxRssKiB),
            },
          },
        };
      } catch (error) {
        return { ok: false, error: String(error) };
      }
    },
  };
}

function oursAvailability(): { available: boolean; reason?: string } {
  const missing = [ENGINE_DIR, LDAP_SOURCE_DIR]
    .map(dir => `${dir}/src/index.ts`)
    .filter(file => !fs.existsSync(path.join(REPO_ROOT, file)));
  return missing.length === 0
    ? { available: true }
    : { available: false, reason: `${missing.join(' and ')} missing` };
}

/** The version of the copy of `name` that code in `from` gets. */
function packageVersion(name: string, from: string): string | undefined {
  // Walk up like Node's resolution does; package.json may not be exported.
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'node_modules', name, 'package.json');
    if (fs.existsSync(file)) {
      return JSON.parse(fs.readFileSync(file, 'utf8')).version;
    }
    if (path.dirname(dir) === dir) {
      return undefined;
    }
  }
}

async function slapdVersion(): Promise<string | undefined> {
  try {
    const { stderr } = await promisify(execFile)('/usr/sbin/slapd', ['-VV']);
    return /slapd\s+([\d.]+)/.exec(stderr)?.[1];
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    return /slapd\s+([\d.]+)/.exec(stderr)?.[1];
  }
}

/** The user and group searches our source made, as the floor repeats them. */
function searchesFromCapture(
  details: Record<string, unknown> | undefined,
  directory: DirectoryParams,
): Omit<FloorSearches, 'source'> | undefined {
  const calls = details?.searches;
  if (!Array.isArray(calls)) {
    return undefined;
  }
  const find = (base: string) => {
    const call = calls.find(
      (c: { base?: string; attributes?: unknown }) =>
        c.base?.toLowerCase() === base.toLowerCase() &&
        Array.isArray(c.attributes) &&
        c.attributes.length > 0,
    );
    if (!call || typeof call.filter !== 'string') {
      return undefined;
    }
    return {
      baseDn: call.base as string,
      scope: (['base', 'one', 'sub'].includes(call.scope)
        ? call.scope
        : 'sub') as Scope,
      filter: call.filter as string,
      attributes: call.attributes as string[],
    };
  };
  const users = find(directory.usersBaseDn);
  const groups = find(directory.groupsBaseDn);
  return users && groups ? { users, groups } : undefined;
}

function describeSearch(
  label: string,
  spec: Omit<SearchSpec, 'pageSize'>,
): string {
  return `  ${label}: -b ${spec.baseDn} -s ${spec.scope ?? 'one'} ${
    spec.filter
  } ${spec.attributes.join(' ')}`;
}

const log = (message: string) => process.stderr.write(`${message}\n`);

function fmtS(ms: number | undefined) {
  return ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`;
}

/** Builds the engine and the LDAP source the way they are published. */
async function buildOurPackages(): Promise<void> {
  for (const dir of [ENGINE_DIR, LDAP_SOURCE_DIR]) {
    log(`building ${dir} (backstage-cli package build)…`);
    await promisify(execFile)('yarn', ['backstage-cli', 'package', 'build'], {
      cwd: path.join(REPO_ROOT, dir),
    });
  }
}

export async function runBench(options: BenchOptions): Promise<number> {
  const startedAt = new Date();
  const loadavgStart = os.loadavg();
  if (options.only.includes('ours')) {
    await buildOurPackages();
  }
  log(
    `seeding slapd: ${options.people} people, ${options.groups} groups, seed ${options.seed} (ldapadd, memberOf maintained)…`,
  );
  const seeded: SeededDirectory = await seedDirectory(options);
  const stopOnSignal = () => {
    seeded.slapd.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);

  try {
    const { counts, timings, directory } = seeded;
    log(
      `seeded in ${fmtS(timings.startAndLoadMs)} (slapd start + ldapadd of ${(
        seeded.ldifBytes / 1e6
      ).toFixed(1)} MB LDIF; generate ${fmtS(
        timings.generateOrgMs,
      )}, LDIF ${fmtS(timings.toLdifMs)}): ${counts.people} people (${
        counts.peopleWithMemberOf
      } with memberOf, ${counts.disabledPeople} disabled), ${
        counts.groups
      } groups (${counts.groupsWithMemberOf} with memberOf) at ${
        directory.url
      }`,
    );

    const floorSearches: FloorSearches = {
      users: {
        baseDn: directory.usersBaseDn,
        scope: 'one',
        filter: directory.usersFilter,
        attributes: DEFAULT_FLOOR_ATTRIBUTES.users,
      },
      groups: {
        baseDn: directory.groupsBaseDn,
        scope: 'one',
        filter: directory.groupsFilter,
        attributes: DEFAULT_FLOOR_ATTRIBUTES.groups,
      },
      source: 'default (ours not seen searching)',
    };
    // Upstream's searches: scope one, the configured filters, * and +.
    const upstreamSearches: FloorSearches = {
      users: {
        baseDn: directory.usersBaseDn,
        scope: 'one',
        filter: directory.usersFilter,
        attributes: ALL_ATTRIBUTES,
      },
      groups: {
        baseDn: directory.groupsBaseDn,
        scope: 'one',
        filter: directory.groupsFilter,
        attributes: ALL_ATTRIBUTES,
      },
      source: "upstream's default attributes",
    };
    const ours = oursAvailability();
    const childParams = (name: string, round: number): ChildParams => ({
      directory,
      logLevel: options.logLevel,
      cpuProfile: options.cpuProf
        ? {
            dir: path.resolve(process.cwd(), options.cpuProf),
            name: `${name}-${
              round <= 0 ? `warmup${1 - round}` : `run${round}`
            }`,
          }
        : undefined,
    });
    const timeoutMs = options.timeoutS * 1000;
    const childDir = path.join(PACKAGE_DIR, 'src/children');

    const all: Contender[] = [
      {
        contender: 'ours',
        description:
          'org sync engine + LDAP source in a test backend: refresh() → applyMutation',
        ...ours,
        run: round =>
          runNodeChild({
            file: path.join(childDir, 'ours.ts'),
            params: {
              ...childParams('ours', round),
              engineEntry: path.join(REPO_ROOT, ENGINE_DIR, BUILT_ENTRY),
              ldapSourceEntry: path.join(
                REPO_ROOT,
                LDAP_SOURCE_DIR,
                BUILT_ENTRY,
              ),
              captureSearches: true,
            },
            cwd: REPO_ROOT,
            timeoutMs,
            forwardStderr: options.verbose ? 'ours' : undefined,
          }),
      },
      floorContender(
        'floor',
        'two concurrent paged ldapsearch (people, groups), our attributes, output to /dev/null',
        directory,
        options.pageSize,
        () => floorSearches,
      ),
      floorContender(
        'floor-all-attrs',
        "the same ldapsearch pair with upstream's attributes (* +)",
        directory,
        options.pageSize,
        () => upstreamSearches,
      ),
      {
        contender: 'floor-ldapts',
        description:
          "the floor's searches from Node with ldapts (two connections, paged, entries counted and dropped)",
        available: true,
        run: round => {
          const toChild = (spec: FloorSearches['users']) => ({
            baseDn: spec.baseDn,
            scope: spec.scope ?? 'one',
            filter: spec.filter,
            attributes: [...spec.attributes],
            pageSize: options.pageSize,
          });
          return runNodeChild({
            file: path.join(childDir, 'ldaptsFloor.ts'),
            params: {
              ...childParams('floor-ldapts', round),
              searches: {
                users: toChild(floorSearches.users),
                groups: toChild(floorSearches.groups),
              },
            },
            cwd: REPO_ROOT,
            timeoutMs,
            forwardStderr: options.verbose ? 'floor-ldapts' : undefined,
          });
        },
      },
      {
        contender: 'upstream',
        description:
          '@backstage/plugin-catalog-backend-module-ldap LdapOrgEntityProvider.read() → applyMutation',
        available: true,
        run: round =>
          runNodeChild({
            file: path.join(childDir, 'upstream.ts'),
            params: childParams('upstream', round),
            cwd: REPO_ROOT,
            timeoutMs,
            forwardStderr: options.verbose ? 'upstream' : undefined,
          }),
      },
      {
        contender: 'upstream-backend',
        description:
          'the same upstream provider installed through its catalog module in a test backend (same baseline as ours)',
        available: true,
        run: round =>
          runNodeChild({
            file: path.join(childDir, 'upstreamBackend.ts'),
            params: childParams('upstream-backend', round),
            cwd: REPO_ROOT,
            timeoutMs,
            forwardStderr: options.verbose ? 'upstream-backend' : undefined,
          }),
      },
    ];
    const selected = all.filter(c => options.only.includes(c.contender));
    const runnable = selected.filter(c => c.available);

    const runs: RunResult[] = [];
    const firstRound = options.warmup > 0 ? 1 - options.warmup : 1;
    for (let round = firstRound; round <= options.runs; round++) {
      const label =
        round <= 0
          ? `warm-up ${round - firstRound + 1}/${options.warmup}`
          : `round ${round}/${options.runs}`;
      for (const contender of roundOrder(runnable, Math.max(round - 1, 0))) {
        const loadavg1 = os.loadavg()[0];
        const result = await contender.run(round);
        const run: RunResult = {
          contender: contender.contender,
          round: Math.max(round, 0),
          ...result,
          details: { ...result.details, loadavg1 },
        };
        runs.push(run);
        if (contender.contender === 'ours' && result.ok) {
          const captured = searchesFromCapture(result.details, directory);
          if (captured && floorSearches.source.startsWith('default')) {
            Object.assign(floorSearches, captured, {
              source: 'the searches our LDAP source made',
            });
          }
        }
        log(
          `${label} ${contender.contender.padEnd(16)} ${
            result.ok
              ? `${fmtS(result.wallMs)}, peak RSS ${result.peakRssMB?.toFixed(
                  0,
                )} MB${
                  result.users !== undefined
                    ? `, ${result.users} users / ${result.groups} groups`
                    : ''
                }`
              : `FAILED: ${result.error?.split('\n')[0]}`
          } (load ${loadavg1.toFixed(2)})`,
        );
      }
    }

    // The floors count nothing themselves (output goes to /dev/null); the
    // directory's counts are what they return.
    for (const run of runs) {
      if (
        run.ok &&
        (run.contender === 'floor' || run.contender === 'floor-all-attrs')
      ) {
        run.users = counts.people;
        run.groups = counts.groups;
      }
    }

    const summaries = summarize(selected, runs);
    const targets = evaluateTargets(summaries);
    const table = formatSummaryTable(summaries);
    const targetTable = formatTargets(targets);
    const phases = formatPhases(summaries);

    const output = [
      '',
      `org sync benchmark: ${counts.people} people, ${counts.groups} groups; ${
        options.runs
      } run(s) per contender (median), ${os.cpus().length} CPUs, node ${
        process.version
      }`,
      `directory load (slapd start + ldapadd): ${fmtS(timings.startAndLoadMs)}`,
      '',
      table,
      '',
      targetTable,
      '',
      'phase medians:',
      phases,
      '',
      `floor searches (${floorSearches.source}):`,
      describeSearch('users', floorSearches.users),
      describeSearch('groups', floorSearches.groups),
    ].join('\n');
    process.stdout.write(`${output}\n`);

    const outFile = path.resolve(process.cwd(), options.out);
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    const json = {
      tool: '@internal/org-sync-bench',
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        totalMemMB: Math.round(os.totalmem() / 1024 / 1024),
        platform: `${os.platform()} ${os.release()}`,
        node: process.version,
        slapd: await slapdVersion(),
        loadavgStart,
        loadavgEnd: os.loadavg(),
      },
      versions: {
        upstreamLdapModule: packageVersion(
          '@backstage/plugin-catalog-backend-module-ldap',
          PACKAGE_DIR,
        ),
        upstreamLdapts: packageVersion(
          'ldapts',
          path.dirname(
            require.resolve(
              '@backstage/plugin-catalog-backend-module-ldap/package.json',
            ),
          ),
        ),
        oursLdapts: packageVersion(
          'ldapts',
          path.join(REPO_ROOT, LDAP_SOURCE_DIR),
        ),
      },
      parameters: {
        ...options,
        directory: { ...directory, bindPassword: '(random)' },
        floorSearches,
      },
      seed: {
        counts,
        timings,
        ldifBytes: seeded.ldifBytes,
      },
      contenders: summaries,
      targets,
      runs,
    };
    fs.writeFileSync(outFile, `${JSON.stringify(json, null, 2)}\n`);
    process.stdout.write(`\nwrote ${path.relative(process.cwd(), outFile)}\n`);
    return runs.some(r => r.round > 0 && !r.ok) ? 1 : 0;
  } finally {
    process.removeListener('SIGINT', stopOnSignal);
    process.removeListener('SIGTERM', stopOnSignal);
    await seeded.slapd.stop();
  }
}
