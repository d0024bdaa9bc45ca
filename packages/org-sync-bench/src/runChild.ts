import { spawn } from 'node:child_process';
import {
  ChildParams,
  ChildResult,
  PARAMS_ENV,
  RESULT_PREFIX,
} from './children/protocol';

export interface RunChildOptions {
  /** Absolute path of the child's .ts entry point. */
  file: string;
  params: ChildParams;
  /** Where node runs (the repository root, so `--require` resolves). */
  cwd: string;
  timeoutMs: number;
  /** Forward the child's stderr, prefixed with this label. */
  forwardStderr?: string;
}

const STDERR_TAIL_LINES = 20;

/**
 * Runs a contender in its own Node process (TypeScript through Backstage's
 * node transform, as the repository's CLIs run) and returns the result line
 * it prints. Never rejects: a crash or a timeout becomes `ok: false`.
 */
export function runNodeChild(options: RunChildOptions): Promise<ChildResult> {
  return new Promise(resolve => {
    const child = spawn(
      process.execPath,
      [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        options.file,
      ],
      {
        cwd: options.cwd,
        env: { ...process.env, [PARAMS_ENV]: JSON.stringify(options.params) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderrTail: string[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);

    child.stdout.setEncoding('utf8');
    child.stdout.on('data', chunk => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      const lines = chunk.split('\n').filter(l => l.length > 0);
      if (options.forwardStderr) {
        for (const line of lines) {
          process.stderr.write(`  [${options.forwardStderr}] ${line}\n`);
        }
      }
      stderrTail = [...stderrTail, ...lines].slice(-STDERR_TAIL_LINES);
    });
    child.on('error', error => {
      clearTimeout(timer);
      resolve({ ok: false, error: `could not start node: ${error.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout
        .split('\n')
        .reverse()
        .find(l => l.startsWith(RESULT_PREFIX));
      if (line) {
        try {
          resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as ChildResult);
          return;
        } catch (error) {
          resolve({ ok: false, error: `unreadable result line: ${error}` });
          return;
        }
      }
      const why = timedOut
        ? `timed out after ${options.timeoutMs / 1000} s`
        : `exited with ${signal ?? code} without a result`;
      resolve({
        ok: false,
        error: `${why}${
          stderrTail.length ? `; stderr: ${stderrTail.join(' | ')}` : ''
        }`,
      });
    });
  });
}
