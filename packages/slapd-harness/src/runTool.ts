import { spawn } from 'node:child_process';
import { basename } from 'node:path';
import { ForwardedError } from '@backstage/errors';
import { SlapdError } from './errors';
import { OutputTail } from './outputTail';

/** Environment for the OpenLDAP tools: ignore ldap.conf and ~/.ldaprc. */
export const TOOL_ENV = { ...process.env, LDAPNOINIT: '1' };

/** Options for {@link runTool}. */
export interface RunToolOptions {
  /** Written to the tool's stdin, which is then closed. */
  input?: string;
  /** Kill the tool (SIGKILL) when it runs longer than this. */
  timeoutMs?: number;
}

/**
 * Runs an OpenLDAP command line tool and resolves when it exits with code 0;
 * otherwise rejects with the tail of its output in the message.
 */
export function runTool(
  command: string,
  args: string[],
  options: RunToolOptions = {},
): Promise<void> {
  const name = basename(command);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: TOOL_ENV,
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: options.timeoutMs,
      killSignal: 'SIGKILL',
    });
    const stdout = new OutputTail(10);
    const stderr = new OutputTail(30);
    child.stdout.on('data', chunk => stdout.push(chunk));
    child.stderr.on('data', chunk => stderr.push(chunk));
    // The tool may exit before reading all input (e.g. on the first bad
    // entry); its exit status explains that better than EPIPE does.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');

    child.on('error', error =>
      reject(new ForwardedError(`Failed to run ${name}`, error)),
    );
    child.on('close', (code, signal) => {
      if (code === 0) {
        resolve();
        return;
      }
      const status = signal ? `was killed by ${signal}` : `exited with ${code}`;
      const output = [stderr.text(), stdout.text()].filter(Boolean).join('\n');
      reject(new SlapdError(`${name} ${status}: ${output || '(no output)'}`));
    });
  });
}
