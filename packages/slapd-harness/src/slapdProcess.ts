import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { ForwardedError } from '@backstage/errors';
import { SlapdError } from './errors';
import { OutputTail } from './outputTail';
import { portInUseError } from './ports';
import { runTool, TOOL_ENV } from './runTool';
import { SlapdExit } from './types';

const STOP_GRACE_MS = 5000;
const READY_POLL_MS = 25;

/** What {@link spawnSlapd} needs. */
export interface SlapdProcessOptions {
  slapdPath: string;
  /** When given, slapd gets SIGTERM as soon as this Node process dies. */
  setprivPath?: string;
  configDir: string;
  /** `ldap://127.0.0.1:<port>/`, or several separated by spaces. */
  listenUrl: string;
  logLevel: string;
  onLog?: (line: string) => void;
}

/** A slapd child process running in the foreground (`-d`). */
export interface SlapdProcess {
  pid: number;
  exited: Promise<SlapdExit>;
  hasExited(): boolean;
  stderrTail(): string;
  /** SIGTERM, then SIGKILL after a grace period; resolves once it exited. */
  stop(): Promise<void>;
}

function slapdCommand(options: SlapdProcessOptions): [string, string[]] {
  const slapd = [
    options.slapdPath,
    ...[
      '-d',
      options.logLevel,
      '-F',
      options.configDir,
      '-h',
      options.listenUrl,
    ],
  ];
  if (!options.setprivPath) {
    return [slapd[0], slapd.slice(1)];
  }
  // setpriv execs slapd with PR_SET_PDEATHSIG, so slapd stays our direct
  // child and is terminated even when Node dies without running 'exit'
  // handlers (SIGKILL, or Jest, whose sandboxed `process` never emits them).
  return [options.setprivPath, ['--pdeathsig', 'TERM', ...slapd]];
}

/**
 * Starts slapd in the foreground with `-d <logLevel>`, so that it stays our
 * child (no daemonising, no pid-file chasing) and its messages arrive on
 * stderr. Note that `-d 0` silences even fatal errors; `none` does not.
 */
export function spawnSlapd(options: SlapdProcessOptions): SlapdProcess {
  const stderr = new OutputTail(40, options.onLog);
  const [command, args] = slapdCommand(options);
  const child = spawn(command, args, {
    env: TOOL_ENV,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr.on('data', chunk => stderr.push(chunk));

  let exitedFlag = false;
  let stopRequested = false;
  const exited = new Promise<SlapdExit>(resolve => {
    child.on('error', error => {
      exitedFlag = true;
      stderr.push(`\n${String(error)}\n`);
      resolve({
        code: null,
        signal: null,
        stopped: stopRequested,
        stderrTail: stderr.text(),
      });
    });
    child.on('close', (code, signal) => {
      exitedFlag = true;
      resolve({
        code,
        signal,
        stopped: stopRequested,
        stderrTail: stderr.text(),
      });
    });
  });

  async function stop(): Promise<void> {
    stopRequested = true;
    if (exitedFlag) {
      return;
    }
    child.kill('SIGTERM');
    // The grace timer is cancelled once slapd has exited, so that it does not
    // keep the event loop (or a Jest worker) alive for another 5 s.
    const grace = new AbortController();
    const outcome = await Promise.race([
      exited.then(() => 'exited' as const),
      sleep(STOP_GRACE_MS, 'timeout' as const, { signal: grace.signal }).catch(
        () => 'exited' as const,
      ),
    ]);
    grace.abort();
    if (outcome === 'timeout') {
      child.kill('SIGKILL');
      await exited;
    }
  }

  return {
    pid: child.pid ?? -1,
    exited,
    hasExited: () => exitedFlag,
    stderrTail: () => stderr.text(),
    stop,
  };
}

/** What {@link waitUntilReady} needs. */
export interface ReadinessProbe {
  ldapwhoamiPath: string;
  url: string;
  port: number;
  bindDn: string;
  passwordFile: string;
  timeoutMs: number;
}

function startupFailure(
  slapd: SlapdProcess,
  probe: ReadinessProbe,
  reason: string,
): Error {
  const tail = slapd.stderrTail();
  if (/errno=98|Address already in use/.test(tail)) {
    return portInUseError(probe.port);
  }
  return new SlapdError(
    `slapd ${reason}; slapd stderr:\n${
      tail || '(nothing; try logLevel "stats" or "-1")'
    }`,
  );
}

/**
 * Polls with `ldapwhoami` (a root bind, which also proves the configured
 * password) until slapd answers, exits, or the timeout passes.
 */
export async function waitUntilReady(
  slapd: SlapdProcess,
  probe: ReadinessProbe,
): Promise<void> {
  const deadline = Date.now() + probe.timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (slapd.hasExited()) {
      const exit = await slapd.exited;
      throw startupFailure(
        slapd,
        probe,
        `exited during startup (code ${exit.code}, signal ${exit.signal})`,
      );
    }
    try {
      await runTool(
        probe.ldapwhoamiPath,
        [
          '-x',
          '-H',
          probe.url,
          '-D',
          probe.bindDn,
          '-y',
          probe.passwordFile,
          '-o',
          'nettimeout=2',
        ],
        { timeoutMs: 3000 },
      );
      return;
    } catch (error) {
      if (error instanceof ForwardedError) {
        throw error;
      }
      lastError = error;
    }
    await sleep(READY_POLL_MS);
  }
  throw startupFailure(
    slapd,
    probe,
    `did not answer within ${probe.timeoutMs} ms (last probe: ${String(
      lastError,
    )})`,
  );
}
