import { ChildProcess, spawn } from 'node:child_process';
import {
  PARAMS_ENV,
  PROGRESS_PREFIX,
  READY_PREFIX,
  RESULT_PREFIX,
} from './children/protocol';

const TAIL_LINES = 30;

export interface Spawned {
  child: ChildProcess;
  /** The last lines the process wrote to stderr and stdout. */
  tail(): string;
  /** Resolves with the first line starting with `prefix` (without it). */
  line(prefix: string): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Spawns a process, keeps a tail of its output (forwarded to stderr with a
 * label when `verbose`) and lets the caller wait for marker lines.
 */
export function spawnProcess(
  command: string,
  args: string[],
  options: {
    cwd: string;
    env: NodeJS.ProcessEnv;
    label: string;
    verbose: boolean;
  },
): Spawned {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail: string[] = [];
  const waiters: Array<{ prefix: string; resolve: (line: string) => void }> =
    [];
  const pending = { out: '', err: '' };

  const onLine = (line: string, stream: 'out' | 'err') => {
    for (const waiter of [...waiters]) {
      if (line.startsWith(waiter.prefix)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line.slice(waiter.prefix.length));
      }
    }
    if (line.startsWith(RESULT_PREFIX) || line.startsWith(READY_PREFIX)) {
      return;
    }
    if (line.startsWith(PROGRESS_PREFIX)) {
      process.stderr.write(
        `         ${options.label}: ${line.slice(PROGRESS_PREFIX.length)}\n`,
      );
      return;
    }
    if (line.trim().length > 0) {
      tail = [...tail, line].slice(-TAIL_LINES);
      if (options.verbose) {
        process.stderr.write(`  [${options.label}:${stream}] ${line}\n`);
      }
    }
  };
  const feed = (stream: 'out' | 'err') => (chunk: string) => {
    const text = pending[stream] + chunk;
    const lines = text.split('\n');
    pending[stream] = lines.pop() ?? '';
    for (const line of lines) {
      onLine(line, stream);
    }
  };
  child.stdout!.setEncoding('utf8').on('data', feed('out'));
  child.stderr!.setEncoding('utf8').on('data', feed('err'));

  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
  }>(resolve => {
    child.on('error', () => resolve({ code: null, signal: null }));
    child.on('close', (code, signal) => {
      for (const stream of ['out', 'err'] as const) {
        if (pending[stream]) {
          onLine(pending[stream], stream);
        }
      }
      resolve({ code, signal });
    });
  });

  return {
    child,
    tail: () => tail.join('\n'),
    line: prefix =>
      new Promise<string>((resolve, reject) => {
        waiters.push({ prefix, resolve });
        exited.then(({ code, signal }) =>
          reject(
            new Error(
              `${options.label} exited (${
                signal ?? code
              }) before "${prefix.trim()}"; last output:\n${tail.join('\n')}`,
            ),
          ),
        );
      }),
    exited,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) {
        return;
      }
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs a child .ts file of this package through Backstage's node transform. */
export function spawnTsChild(
  file: string,
  params: unknown,
  options: { label: string; verbose: boolean; cwd: string },
): Spawned {
  return spawnProcess(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      file,
    ],
    {
      cwd: options.cwd,
      env: { ...process.env, [PARAMS_ENV]: JSON.stringify(params) },
      label: options.label,
      verbose: options.verbose,
    },
  );
}

/** Waits for a child's result line (or its ready line, whichever comes first). */
export async function firstOf<T>(
  spawned: Spawned,
  prefixes: string[],
): Promise<{ prefix: string; value: T }> {
  return Promise.race(
    prefixes.map(prefix =>
      spawned
        .line(prefix)
        .then(line => ({ prefix, value: JSON.parse(line) as T })),
    ),
  );
}
