import { spawn } from 'node:child_process';
import {
  OursParams,
  OursResult,
  PARAMS_ENV,
  RESULT_PREFIX,
} from './children/protocol';

/**
 * Runs the "ours" contender in its own Node process (TypeScript through
 * Backstage's node transform), so its peak RSS is its own. Never rejects.
 */
export function runOursChild(options: {
  file: string;
  cwd: string;
  params: OursParams;
  timeoutMs: number;
}): Promise<OursResult> {
  return new Promise(resolve => {
    const child = spawn(
      process.execPath,
      [
        '--max-old-space-size=4096',
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
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.stdout.setEncoding('utf8').on('data', chunk => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', chunk => {
      stderr = (stderr + chunk).slice(-4000);
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
        resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as OursResult);
      } else {
        resolve({
          ok: false,
          error: `the child ended (${
            signal ?? code
          }) without a result: ${stderr.trim()}`,
        });
      }
    });
  });
}
