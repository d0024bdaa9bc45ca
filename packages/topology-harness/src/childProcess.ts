import { spawn, type SpawnOptions } from 'node:child_process';
import { createWriteStream } from 'node:fs';

/** A long-running child process whose output goes to a log file and to line listeners. */
export interface RunningProcess {
  pid: number;
  /** Resolves when the process has exited (never rejects). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Whether the process has exited. */
  hasExited(): boolean;
  /** Calls `listener` with every complete output line (stdout and stderr) from now on. */
  onLine(listener: (line: string) => void): () => void;
  /** Sends `signal` and waits for the exit; SIGKILL after `graceMs`. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

const running = new Set<number>();
let exitHookInstalled = false;

/** Kills what is left when the test process exits without stopping it (a crashed run). */
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const killAll = () => {
    for (const pid of running) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
    });
  }
}

/** Starts `command` with its output appended to `logFile`. */
export function startProcess(
  command: string,
  args: string[],
  options: SpawnOptions & { logFile: string },
): RunningProcess {
  installExitHook();
  const { logFile, ...spawnOptions } = options;
  const child = spawn(command, args, {
    ...spawnOptions,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) {
    throw new Error(`could not start ${command}`);
  }
  const pid = child.pid;
  running.add(pid);
  const log = createWriteStream(logFile, { flags: 'a' });
  const listeners = new Set<(line: string) => void>();
  let exited = false;
  for (const stream of [child.stdout!, child.stderr!]) {
    let partial = '';
    stream.on('data', (chunk: Buffer) => {
      log.write(chunk);
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) listeners.forEach(listener => listener(line));
    });
  }
  const exitedPromise = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
  }>(resolve =>
    child.once('exit', (code, signal) => {
      exited = true;
      running.delete(pid);
      log.end();
      resolve({ code, signal });
    }),
  );
  child.once('error', () => {
    // reported through the exit (spawn failures exit with a code)
  });
  return {
    pid,
    exited: exitedPromise,
    hasExited: () => exited,
    onLine(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop(signal = 'SIGTERM', graceMs = 10_000) {
      if (exited) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exitedPromise;
      clearTimeout(timer);
    },
  };
}

/** Waits until `probe` resolves true, checking every `intervalMs`; throws after `timeoutMs`. */
export async function waitFor(
  what: string,
  probe: () => Promise<boolean> | boolean,
  options: {
    timeoutMs: number;
    intervalMs?: number;
    abortIf?: () => string | undefined;
    /** What was last seen, for the timeout's message. */
    lastSeen?: () => string;
  },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const abort = options.abortIf?.();
    if (abort) throw new Error(`${what}: ${abort}`);
    try {
      if (await probe()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) {
      const seen = options.lastSeen ? `; last seen: ${options.lastSeen()}` : '';
      throw new Error(`${what}: not within ${options.timeoutMs} ms${seen}`);
    }
    await new Promise(resolve =>
      setTimeout(resolve, options.intervalMs ?? 200),
    );
  }
}
