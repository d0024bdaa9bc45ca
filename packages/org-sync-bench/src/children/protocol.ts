/*
 * What the parent sends a contender child (JSON in the BENCH_PARAMS
 * environment variable) and what the child answers (one JSON line on stdout,
 * prefixed with RESULT_PREFIX, so other output on stdout does not matter).
 */

/** The directory every contender reads, and how to bind to it. */
import fs from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import path from 'node:path';

export interface DirectoryParams {
  url: string;
  bindDn: string;
  bindPassword: string;
  usersBaseDn: string;
  usersFilter: string;
  groupsBaseDn: string;
  groupsFilter: string;
}

export interface ChildParams {
  directory: DirectoryParams;
  /** Log level of the child's logger; `warn` by default. */
  logLevel?: 'none' | 'error' | 'warn' | 'info' | 'debug';
  /** Absolute paths of our two packages' entry points (ours only). */
  engineEntry?: string;
  ldapSourceEntry?: string;
  /** Ours: record the LDAP searches the source makes (base, filter, attributes). */
  captureSearches?: boolean;
  /**
   * Write a CPU profile of the timed section to `<dir>/<name>.cpuprofile`
   * (open it in Chrome DevTools or speedscope). Profiling slows the run.
   */
  cpuProfile?: { dir: string; name: string };
  /** floor-ldapts: the two searches to make. */
  searches?: { users: ChildSearch; groups: ChildSearch };
}

export interface ChildSearch {
  baseDn: string;
  scope: 'base' | 'one' | 'sub';
  filter: string;
  attributes: string[];
  pageSize: number;
}

export interface ChildResult {
  ok: boolean;
  error?: string;
  /** The timed section in ms: start of the read until applyMutation was called. */
  wallMs?: number;
  /** Ours: from before startTestBackend until applyMutation. */
  totalMs?: number;
  users?: number;
  groups?: number;
  /** `process.resourceUsage().maxRSS` at the end, in MiB. */
  peakRssMB?: number;
  /** `process.memoryUsage().rss` just before the timed section, in MiB. */
  baseRssMB?: number;
  phases?: Record<string, number>;
  details?: Record<string, unknown>;
}

export const RESULT_PREFIX = '@@org-sync-bench-result ';
export const PARAMS_ENV = 'ORG_SYNC_BENCH_PARAMS';

export function readChildParams(): ChildParams {
  const raw = process.env[PARAMS_ENV];
  if (!raw) {
    throw new Error(
      `${PARAMS_ENV} is not set; this file is started by the org-sync benchmark`,
    );
  }
  return JSON.parse(raw) as ChildParams;
}

/**
 * Starts the V8 CPU profiler when the parent asked for a profile; the
 * returned function stops it and writes the file (a no-op otherwise).
 */
export async function startCpuProfile(
  params: ChildParams,
): Promise<() => Promise<string | undefined>> {
  const target = params.cpuProfile;
  if (!target) {
    return async () => undefined;
  }
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    await fs.mkdir(target.dir, { recursive: true });
    const file = path.join(target.dir, `${target.name}.cpuprofile`);
    await fs.writeFile(file, JSON.stringify(profile));
    return file;
  };
}

const MIB = 1024 * 1024;

export function rssMB(): number {
  return process.memoryUsage().rss / MIB;
}

export function heapUsedMB(): number {
  return process.memoryUsage().heapUsed / MIB;
}

/** Peak RSS of this process so far (maxRSS is in KiB). */
export function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/**
 * Writes the result line and exits: the upstream provider never unbinds, so
 * its socket would otherwise keep the process alive.
 */
export function finish(result: ChildResult): void {
  process.stdout.write(
    `\n${RESULT_PREFIX}${JSON.stringify({
      ...result,
      peakRssMB: result.peakRssMB ?? peakRssMB(),
    })}\n`,
    () => process.exit(result.ok ? 0 : 1),
  );
}

export function errorText(error: unknown): string {
  if (error instanceof Error) {
    return error.stack ?? `${error.name}: ${error.message}`;
  }
  return String(error);
}
