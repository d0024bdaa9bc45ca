import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startProcess, waitFor, type RunningProcess } from './childProcess';
import { findFreePort, LOOPBACK } from './ports';

/** A Redis server on loopback (no persistence) that a test can stop and start again on the same port. */
export interface RedisServer {
  url: string;
  port: number;
  /** Stops the server; the port stays reserved for {@link RedisServer.start}. */
  stop(): Promise<void>;
  /** Starts it again (empty) on the same port. */
  start(): Promise<void>;
  isRunning(): boolean;
}

/** Starts `redis-server` (Debian's `redis-server` package) on a free loopback port. */
export async function startRedis(dir: string): Promise<RedisServer> {
  await mkdir(dir, { recursive: true });
  const port = await findFreePort();
  let server: RunningProcess | undefined;
  const start = async () => {
    let ready = false;
    const current = startProcess(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        LOOPBACK,
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
      ],
      { logFile: join(dir, 'redis.log') },
    );
    server = current;
    current.onLine(line => {
      if (line.includes('Ready to accept connections')) ready = true;
    });
    await waitFor('Redis start', () => ready, {
      timeoutMs: 15_000,
      abortIf: () =>
        current.hasExited()
          ? `redis-server exited (is the redis-server package installed?); see ${dir}/redis.log`
          : undefined,
    });
  };
  await start();
  return {
    url: `redis://${LOOPBACK}:${port}`,
    port,
    start,
    isRunning: () => !!server && !server.hasExited(),
    async stop() {
      await server?.stop('SIGTERM');
    },
  };
}
