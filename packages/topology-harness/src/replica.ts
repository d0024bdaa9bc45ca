import { join, resolve } from 'node:path';
import { startProcess, waitFor, type RunningProcess } from './childProcess';
import { LOOPBACK } from './ports';

/** The repository root (two levels above this package), where the backend runs. */
export const REPO_ROOT = resolve(
  require.resolve('@internal/topology-harness/package.json'),
  '../../..',
);

/** One portal backend process of the topology. */
export interface Replica {
  name: string;
  port: number;
  /** `http://127.0.0.1:<port>`: this replica only, bypassing the load balancer. */
  url: string;
  /** Milliseconds from spawn to a ready health check, of the last start. */
  startMs: number;
  /** Every output line (JSON log lines in production mode) since the first start, with its arrival time. */
  lines: Array<{ at: number; text: string }>;
  /** The process id of the running process (it changes when the replica is started again). */
  pid(): number | undefined;
  isRunning(): boolean;
  /** SIGTERM and wait (graceful shutdown). */
  stop(): Promise<void>;
  /** SIGKILL at once: the process gets no chance to release locks or finish work. */
  kill(): Promise<void>;
  /** Starts it again with the same port, configuration and environment. */
  start(): Promise<void>;
  /** How each process of this replica that exited on its own (not stopped by the harness) ended. */
  unexpectedExits: Array<{
    code: number | null;
    signal: NodeJS.Signals | null;
  }>;
}

/** What a replica is started with. */
export interface ReplicaOptions {
  name: string;
  port: number;
  configFiles: string[];
  env: NodeJS.ProcessEnv;
  logDir: string;
  startTimeoutMs?: number;
}

/**
 * Prepares `packages/backend/src/index.ts` the way the repository's scripts run TypeScript (Backstage's
 * `nodeTransform`, no build), in production mode with the given `--config` files; its `start()` waits
 * until `/.backstage/health/v1/readiness` answers 200.
 */
export function createReplica(options: ReplicaOptions): Replica {
  const url = `http://${LOOPBACK}:${options.port}`;
  const lines: Replica['lines'] = [];
  let current: RunningProcess | undefined;
  let stopping = false;

  const replica: Replica = {
    name: options.name,
    port: options.port,
    url,
    startMs: 0,
    lines,
    pid: () => current?.pid,
    isRunning: () => !!current && !current.hasExited(),
    unexpectedExits: [],
    async stop() {
      stopping = true;
      await current?.stop('SIGTERM', 5_000);
    },
    async kill() {
      stopping = true;
      await current?.stop('SIGKILL');
    },
    async start() {
      const started = Date.now();
      const child = startProcess(
        process.execPath,
        [
          '--require',
          require.resolve('@backstage/cli/config/nodeTransform.cjs'),
          'packages/backend/src/index.ts',
          ...options.configFiles.flatMap(file => ['--config', file]),
        ],
        {
          cwd: REPO_ROOT,
          env: {
            ...options.env,
            NODE_ENV: 'production',
            APP_CONFIG_backend_listen_port: String(options.port),
          },
          logFile: join(options.logDir, `replica-${options.name}.log`),
        },
      );
      current = child;
      stopping = false;
      child.exited.then(exit => {
        if (!stopping) replica.unexpectedExits.push(exit);
      });
      child.onLine(text => lines.push({ at: Date.now(), text }));
      await waitFor(
        `replica ${options.name} start`,
        async () => {
          const response = await fetch(`${url}/.backstage/health/v1/readiness`);
          return response.ok;
        },
        {
          timeoutMs: options.startTimeoutMs ?? 180_000,
          intervalMs: 250,
          abortIf: () =>
            child.hasExited()
              ? `exited; last lines:\n${lines
                  .slice(-15)
                  .map(line => line.text)
                  .join('\n')}`
              : undefined,
        },
      );
      replica.startMs = Date.now() - started;
    },
  };
  return replica;
}
