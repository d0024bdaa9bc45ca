import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { BenchOptions } from './args';
import {
  READY_PREFIX,
  RESULT_PREFIX,
  ServerChildParams,
  ServerReady,
  WorkFiles,
} from './children/protocol';
import { askAll, LoadResult, runLoad } from './httpLoad';
import { generateSyntheticOrg } from './org';
import {
  installPeer,
  peerNotInstalledReason,
  RBAC_BACKEND_VERSION,
  startPeer,
} from './peer';
import { createPrng } from '@internal/demo-org';
import {
  BatchResult,
  BenchReport,
  compareDecisions,
  computeRatios,
  ContenderHttp,
  evaluateTargets,
  formatReport,
  HandleResult,
} from './report';
import { generatePolicy, SUPERUSER_ROLE, toRhdhPolicy } from './roles';
import { firstOf, spawnTsChild } from './runChild';
import { summarizeLatencies } from './stats';
import { waitForCatalog } from './waitForCatalog';
import { PlannedRequest, pickUsers, planPairs, planRequests } from './workload';

const PACKAGE_DIR = resolvePackagePath('@internal/permission-bench');
const REPO_ROOT = path.resolve(PACKAGE_DIR, '../..');
/** Distinct planned requests per batch size (sent round and round). */
const PLANNED_REQUESTS = 2000;
/** Users whose decisions make up the warm in-process series. */
const WARM_USERS = 1000;

function log(message: string) {
  process.stderr.write(
    `${new Date().toISOString().slice(11, 19)} ${message}\n`,
  );
}

interface Workload {
  files: WorkFiles;
  plans: Map<number, PlannedRequest[]>;
  verify: PlannedRequest[];
  httpUsers: string[];
  adminUser: string;
  expectedEntities: number;
}

/** A running backend the load can be aimed at. */
interface Target {
  name: string;
  baseUrl: string;
  authHeader(user: string): string;
  /** GET endpoint of the handle() durations inside the backend, if any. */
  timingsUrl?: string;
}

interface Window {
  load: LoadResult;
  handleMs: number[];
  /** CPU time the backend process used during the window, in ms. */
  cpuMs?: number;
}

type Timings = { handleMs: number[]; cpuUs?: number };

async function readTimings(target: Target): Promise<Timings | undefined> {
  if (!target.timingsUrl) return undefined;
  const response = await fetch(`${target.timingsUrl}?reset=true`);
  return (await response.json()) as Timings;
}

async function measureWindow(
  target: Target,
  requests: readonly PlannedRequest[],
  concurrency: number,
  durationS: number,
): Promise<Window> {
  const before = await readTimings(target);
  const load = await runLoad({
    baseUrl: target.baseUrl,
    authHeader: target.authHeader,
    requests,
    concurrency,
    warmupS: 0,
    durationS,
  });
  const after = await readTimings(target);
  return {
    load,
    handleMs: after?.handleMs ?? [],
    cpuMs:
      before?.cpuUs !== undefined && after?.cpuUs !== undefined
        ? (after.cpuUs - before.cpuUs) / 1000
        : undefined,
  };
}

function toBatchResult(batchSize: number, windows: readonly Window[]) {
  const latencies = windows.flatMap(w => w.load.latenciesMs);
  const requests = latencies.length;
  const elapsedS = windows.reduce((s, w) => s + w.load.elapsedS, 0);
  const results: Record<string, number> = {};
  for (const w of windows) {
    for (const [result, n] of Object.entries(w.load.results)) {
      results[result] = (results[result] ?? 0) + n;
    }
  }
  const requestsPerS = elapsedS > 0 ? requests / elapsedS : 0;
  const handleMs = windows.flatMap(w => w.handleMs);
  const cpuMs = windows.every(w => w.cpuMs !== undefined)
    ? windows.reduce((sum, w) => sum + w.cpuMs!, 0)
    : undefined;
  const result: BatchResult = {
    batchSize,
    requests,
    elapsedS,
    requestsPerS,
    decisionsPerS: requestsPerS * batchSize,
    latencyMs: summarizeLatencies(latencies),
    errors: windows.reduce((s, w) => s + w.load.errors, 0),
    firstError: windows.find(w => w.load.firstError)?.load.firstError,
    results,
    handleMs: handleMs.length > 0 ? summarizeLatencies(handleMs) : undefined,
    cpuMsPerRequest:
      cpuMs !== undefined && requests > 0 ? cpuMs / requests : undefined,
  };
  return result;
}

/**
 * Per batch size: each target gets `warmupS` of unmeasured load, then the
 * measured seconds are split into `rounds` windows that alternate between
 * the targets (the order rotating each round), so that whatever else the
 * machine does hits every target alike.
 */
async function measureInterleaved(
  targets: readonly Target[],
  workload: Workload,
  options: BenchOptions,
  durationS: number,
  rounds: number,
): Promise<Map<string, BatchResult[]>> {
  const byTarget = new Map<string, BatchResult[]>(
    targets.map(t => [t.name, []]),
  );
  for (const batchSize of options.batchSizes) {
    const requests = workload.plans.get(batchSize)!;
    const windows = new Map<string, Window[]>(targets.map(t => [t.name, []]));
    log(
      `${targets.map(t => t.name).join(' + ')}: batches of ${batchSize}, ${
        options.warmupS
      } s warm-up + ${durationS} s in ${rounds} round(s), ${
        options.concurrency
      } in flight`,
    );
    for (const target of targets) {
      if (options.warmupS > 0) {
        await measureWindow(
          target,
          requests,
          options.concurrency,
          options.warmupS,
        );
      }
    }
    for (let round = 0; round < rounds; round++) {
      const shift = round % targets.length;
      const order = [...targets.slice(shift), ...targets.slice(0, shift)];
      for (const target of order) {
        windows
          .get(target.name)!
          .push(
            await measureWindow(
              target,
              requests,
              options.concurrency,
              durationS / rounds,
            ),
          );
      }
    }
    for (const target of targets) {
      const result = toBatchResult(batchSize, windows.get(target.name)!);
      byTarget.get(target.name)!.push(result);
      log(
        `${target.name}: batches of ${batchSize}: ${
          result.requests
        } requests, ${result.requestsPerS.toFixed(1)} req/s${
          result.errors
            ? `, ${result.errors} errors, first: ${result.firstError}`
            : ''
        }`,
      );
    }
  }
  return byTarget;
}

interface StartedServer {
  ready: ServerReady;
  stop(): Promise<void>;
}

async function startServer(
  policy: 'ours' | 'allow-all',
  label: string,
  workload: Workload,
  options: BenchOptions,
): Promise<StartedServer> {
  const params: ServerChildParams = {
    files: workload.files,
    policy,
    adminUser: workload.adminUser,
    expectedEntities: workload.expectedEntities,
    logLevel: options.logLevel,
  };
  log(`${label}: starting the backend and loading the catalog …`);
  const child = spawnTsChild(
    path.join(PACKAGE_DIR, 'src/children/server.ts'),
    params,
    { label, verbose: options.verbose, cwd: REPO_ROOT },
  );
  try {
    const first = await firstOf<ServerReady & { ok?: false; error?: string }>(
      child,
      [READY_PREFIX, RESULT_PREFIX],
    );
    if (first.prefix === RESULT_PREFIX) {
      throw new Error(first.value.error);
    }
    const ready = first.value;
    log(
      `${label}: ready on port ${ready.port} (backend ${(
        ready.startMs / 1000
      ).toFixed(1)} s, catalog loaded after ${(
        ready.catalogReadyMs / 1000
      ).toFixed(1)} s${
        ready.graph
          ? `, graph ${ready.graph.users} users / ${ready.graph.groups} groups`
          : ''
      })`,
    );
    return { ready, stop: () => child.stop() };
  } catch (error) {
    await child.stop();
    throw error;
  }
}

/** (b) ours and (c) allow-all: both backends up, measured interleaved. */
async function runServerContenders(
  workload: Workload,
  options: BenchOptions,
): Promise<ContenderHttp[]> {
  const names: Array<'allow-all' | 'ours' | 'allow-all-2'> = [
    'allow-all',
    'ours',
  ];
  if (!options.skipControl) {
    // A second allow-all backend: how far two identical backends differ.
    names.push('allow-all-2');
  }
  const started = await Promise.allSettled(
    names.map(name =>
      startServer(
        name === 'ours' ? 'ours' : 'allow-all',
        name,
        workload,
        options,
      ),
    ),
  );
  try {
    const failed = started.find(s => s.status === 'rejected');
    if (failed) {
      const reason = String(
        (failed as PromiseRejectedResult).reason?.message ??
          (failed as PromiseRejectedResult).reason,
      );
      return names.map(name => ({
        contender: name,
        available: false,
        reason,
        batches: [],
      }));
    }
    const servers = started.map(
      s => (s as PromiseFulfilledResult<StartedServer>).value,
    );
    const authHeader = (user: string) => mockCredentials.user.header(user);
    const targets: Target[] = names.map((name, i) => {
      const baseUrl = `http://127.0.0.1:${servers[i].ready.port}`;
      return {
        name,
        baseUrl,
        authHeader,
        timingsUrl: `${baseUrl}/api/bench/handle-timings`,
      };
    });
    const verify = await askAll(
      targets[names.indexOf('ours')].baseUrl,
      authHeader,
      workload.verify,
      options.concurrency,
    );
    const results = await measureInterleaved(
      targets,
      workload,
      options,
      options.durationS,
      options.rounds,
    );
    return names.map((name, i) => ({
      contender: name,
      available: true,
      startS: servers[i].ready.startMs / 1000,
      catalogReadyS: servers[i].ready.catalogReadyMs / 1000,
      graph: servers[i].ready.graph,
      batches: results.get(name)!,
      ...(name === 'ours' && { verify: verify.map(v => v[0]) }),
    }));
  } finally {
    await Promise.all(
      started.map(s => (s.status === 'fulfilled' ? s.value.stop() : undefined)),
    );
  }
}

async function runPeer(
  workload: Workload,
  options: BenchOptions,
  rhdh: ReturnType<typeof toRhdhPolicy>,
  workDir: string,
): Promise<ContenderHttp> {
  const contender = 'rhdh';
  try {
    const missing = peerNotInstalledReason();
    if (missing) {
      log(`rhdh: ${missing}`);
      await installPeer();
    }
    log(
      `rhdh: starting the peer backend (rbac-backend ${RBAC_BACKEND_VERSION}) …`,
    );
    const peer = await startPeer({
      workDir,
      entitiesFile: workload.files.entities,
      csv: rhdh.csv,
      superUsers: rhdh.superUsers,
      logLevel: options.logLevel,
      verbose: options.verbose,
    });
    try {
      const started = performance.now();
      const adminToken = await peer.token(rhdh.superUsers[0]);
      const entities = JSON.parse(
        await fs.readFile(workload.files.entities, 'utf8'),
      );
      await waitForCatalog({
        baseUrl: peer.baseUrl,
        authorization: `Bearer ${adminToken}`,
        entities,
        expected: workload.expectedEntities,
        progress: message => log(`rhdh: ${message}`),
      });
      const catalogReadyS =
        peer.startMs / 1000 + (performance.now() - started) / 1000;
      log(`rhdh: catalog loaded after ${catalogReadyS.toFixed(1)} s`);
      const tokens = new Map<string, string>();
      for (const user of workload.httpUsers) {
        tokens.set(user, await peer.token(user));
      }
      const authHeader = (user: string) => `Bearer ${tokens.get(user)}`;
      log(`rhdh: asking the ${workload.verify.length} comparison questions …`);
      const verify = await askAll(
        peer.baseUrl,
        authHeader,
        workload.verify,
        options.concurrency,
      );
      const target: Target = {
        name: contender,
        baseUrl: peer.baseUrl,
        authHeader,
        timingsUrl: `${peer.baseUrl}/api/bench/handle-timings`,
      };
      const batches = (
        await measureInterleaved(
          [target],
          workload,
          options,
          options.peerDurationS,
          1,
        )
      ).get(contender)!;
      return {
        contender,
        available: true,
        startS: peer.startMs / 1000,
        catalogReadyS,
        batches,
        verify: verify.map(v => v[0]),
      };
    } finally {
      await peer.process.stop();
    }
  } catch (error) {
    return {
      contender,
      available: false,
      reason: String((error as Error).message ?? error),
      batches: [],
    };
  }
}

async function runHandle(
  workload: Workload,
  pairsFile: string,
  options: BenchOptions,
): Promise<HandleResult> {
  log('in process: building the graph and timing handle() …');
  const child = spawnTsChild(
    path.join(PACKAGE_DIR, 'src/children/handle.ts'),
    { files: workload.files, pairs: pairsFile },
    { label: 'handle', verbose: options.verbose, cwd: REPO_ROOT },
  );
  try {
    const { value } = await firstOf<HandleResult>(child, [RESULT_PREFIX]);
    return value;
  } catch (error) {
    return { ok: false, error: String((error as Error).message ?? error) };
  } finally {
    await child.stop();
  }
}

/** The whole benchmark; resolves with the exit code. */
export async function runBench(options: BenchOptions): Promise<number> {
  log(
    `generating ${options.users} users, ${options.groups} groups, ${options.roles} roles (seed ${options.seed}) …`,
  );
  const org = generateSyntheticOrg({
    users: options.users,
    groups: options.groups,
    seed: options.seed,
  });
  const policy = generatePolicy(
    org,
    createPrng(options.seed + 1),
    options.roles,
  );
  const rhdh = toRhdhPolicy(policy);
  const prng = createPrng(options.seed + 2);
  const httpUsers = pickUsers(org, prng, options.httpUsers);
  // Cold users are never asked about before their timed first decision.
  const shuffled = pickUsers(org, prng, org.userRefs.length);
  const coldCount = Math.min(
    options.coldUsers,
    Math.floor(shuffled.length / 2),
  );
  const coldUsers = shuffled.slice(0, coldCount);
  const warmUsers = shuffled.slice(coldCount, coldCount + WARM_USERS);
  const plans = new Map(
    options.batchSizes.map(size => [
      size,
      planRequests(org, httpUsers, prng, size, PLANNED_REQUESTS),
    ]),
  );
  const verify = planRequests(org, httpUsers, prng, 1, options.verifyPairs);

  // The generated org, policy and RHDH CSV stay next to the JSON for a look
  // (or for the policy CLI); test-results/ is gitignored.
  const outFile = path.resolve(REPO_ROOT, options.out);
  const workDir = path.join(
    path.dirname(outFile),
    `${path.basename(outFile, '.json')}-files`,
  );
  await fs.rm(workDir, { recursive: true, force: true });
  await fs.mkdir(workDir, { recursive: true });
  const files: WorkFiles = {
    entities: path.join(workDir, 'entities.json'),
    policy: path.join(workDir, 'policy.json'),
  };
  const entities = [...org.groups, ...org.users];
  await fs.writeFile(files.entities, JSON.stringify(entities));
  await fs.writeFile(files.policy, JSON.stringify(policy));
  await fs.writeFile(path.join(workDir, 'rbac-policy.csv'), rhdh.csv);
  await fs.writeFile(
    path.join(workDir, 'entities.yaml'),
    entities.map(e => `---\n${stringify(e)}`).join(''),
  );
  await fs.writeFile(
    path.join(workDir, 'app-config.group-policy.yaml'),
    stringify({ permission: { enabled: true, groupPolicy: policy } }),
  );
  const pairsFile = path.join(workDir, 'pairs.json');
  await fs.writeFile(
    pairsFile,
    JSON.stringify({
      warm: planPairs(warmUsers, prng, options.pairs),
      cold: planPairs(coldUsers, prng, coldUsers.length).map((p, i) => ({
        ...p,
        user: coldUsers[i],
      })),
      verify: verify.map(r => ({
        user: r.user,
        permission: r.items[0].permission,
      })),
    }),
  );
  const adminUser = policy.bindings.find(b => b.role === SUPERUSER_ROLE)!
    .members[0];
  const workload: Workload = {
    files,
    plans,
    verify,
    httpUsers,
    adminUser,
    expectedEntities: entities.length,
  };

  const handle = await runHandle(workload, pairsFile, options);
  const http: ContenderHttp[] = await runServerContenders(workload, options);
  if (options.skipPeer) {
    http.push({
      contender: 'rhdh',
      available: false,
      reason: 'skipped (--skip-peer)',
      batches: [],
    });
  } else {
    // Outside the repository: there the peer's config loader would find the
    // yarn workspace root (see peer.ts).
    const peerDir = await fs.mkdtemp(
      path.join(os.tmpdir(), 'permission-bench-'),
    );
    try {
      http.push(await runPeer(workload, options, rhdh, peerDir));
    } finally {
      await fs.rm(peerDir, { recursive: true, force: true });
    }
  }

  const report: BenchReport = {
    generatedAt: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      totalMemMB: Math.round(os.totalmem() / 1024 / 1024),
    },
    options,
    org: {
      users: org.users.length,
      groups: org.groups.length,
      depth: org.groupsByDepth.length,
      groupsPerDepth: org.groupsByDepth.map(g => g.length),
      roles: Object.keys(policy.roles).length,
      bindings: policy.bindings.length,
      rules: Object.values(policy.roles).reduce(
        (n, r) => n + (r.rules?.length ?? 0),
        0,
      ),
      rhdhCsvLines: rhdh.csv.trim().split('\n').length,
      rhdhConditionalRulesLeftOut: rhdh.conditionalRulesLeftOut,
    },
    handle,
    http,
    comparison: compareDecisions(
      verify,
      handle.ok ? handle.verify : undefined,
      http,
    ),
    ratios: [],
    targets: [],
  };
  report.ratios = computeRatios(report);
  report.targets = evaluateTargets(report);
  await fs.writeFile(outFile, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${formatReport(report)}\n`);
  log(
    `results written to ${options.out}; generated files in ${path.relative(
      REPO_ROOT,
      workDir,
    )}`,
  );
  const failed =
    !handle.ok || http.some(h => !h.available && h.contender !== 'rhdh');
  return failed ? 1 : 0;
}
