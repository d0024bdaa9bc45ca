/*
 * What the benchmark sends a child process (JSON in an environment variable)
 * and what the child answers: one line on stdout, prefixed, so other output
 * on stdout does not matter.
 */

export const PARAMS_ENV = 'PERMISSION_BENCH_PARAMS';
export const RESULT_PREFIX = '@@permission-bench-result ';
export const READY_PREFIX = '@@permission-bench-ready ';
/** Lines with this prefix (on stderr) are always shown by the parent. */
export const PROGRESS_PREFIX = '@@permission-bench-progress ';

/** Files the parent generated for one run. */
export interface WorkFiles {
  /** JSON array of the synthetic User and Group entities. */
  entities: string;
  /** JSON of the roles and bindings (`permission.groupPolicy` without graph settings). */
  policy: string;
}

export interface HandleChildParams {
  files: WorkFiles;
  /** JSON of the DecisionPair list for the warm series. */
  pairs: string;
  /** Users whose first decision is timed (cold). */
  coldUsers: string[];
}

export interface ServerChildParams {
  files: WorkFiles;
  policy: 'ours' | 'allow-all';
  /** A user the policy lets refresh its org graph (ours only). */
  adminUser: string;
  expectedEntities: number;
  logLevel: 'error' | 'warn' | 'info' | 'debug';
}

/** What a server child announces once its catalog holds the synthetic org. */
export interface ServerReady {
  port: number;
  /** Backend start until listening, in ms. */
  startMs: number;
  /** Until the catalog served every entity (and ours had its graph), in ms. */
  catalogReadyMs: number;
  /** Ours: the org graph's counts after the refresh. */
  graph?: { users: number; groups: number };
}

export function readParams<T>(): T {
  const raw = process.env[PARAMS_ENV];
  if (!raw) {
    throw new Error(
      `${PARAMS_ENV} is not set; this file is started by the permission benchmark`,
    );
  }
  return JSON.parse(raw) as T;
}

export function announce(prefix: string, value: unknown): Promise<void> {
  return new Promise(resolve =>
    process.stdout.write(`\n${prefix}${JSON.stringify(value)}\n`, () =>
      resolve(),
    ),
  );
}

export function errorText(error: unknown): string {
  if (error instanceof Error) {
    return error.stack ?? `${error.name}: ${error.message}`;
  }
  return String(error);
}
