import { spawn } from 'node:child_process';
import type { DirectoryParams } from './children/protocol';

export const LDAPSEARCH = '/usr/bin/ldapsearch';
export const GNU_TIME = '/usr/bin/time';

export interface SearchSpec {
  baseDn: string;
  /** Default `one`. */
  scope?: 'base' | 'one' | 'sub';
  filter: string;
  attributes: readonly string[];
  pageSize: number;
}

export function ldapsearchArgs(
  directory: DirectoryParams,
  spec: SearchSpec,
): string[] {
  return [
    '-x',
    '-H',
    directory.url,
    '-D',
    directory.bindDn,
    '-w',
    directory.bindPassword,
    '-b',
    spec.baseDn,
    '-s',
    spec.scope ?? 'one',
    '-LLL',
    '-o',
    'ldif-wrap=no',
    '-E',
    `pr=${spec.pageSize}/noprompt`,
    spec.filter,
    ...spec.attributes,
  ];
}

export interface TimedSearch {
  /** Elapsed seconds as GNU time reports them (10 ms resolution). */
  elapsedS: number;
  /** Peak RSS of ldapsearch in KiB (GNU time %M). */
  maxRssKiB: number;
}

/**
 * Runs ldapsearch under GNU time with its output going to /dev/null.
 * Rejects when ldapsearch fails.
 */
export function timedLdapsearch(
  directory: DirectoryParams,
  spec: SearchSpec,
): Promise<TimedSearch> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      GNU_TIME,
      ['-f', '%e %M', LDAPSEARCH, ...ldapsearchArgs(directory, spec)],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', chunk => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', code => {
      const lines = stderr.trim().split('\n');
      const match = /^([\d.]+) (\d+)$/.exec(lines[lines.length - 1] ?? '');
      if (code !== 0 || !match) {
        reject(
          new Error(
            `ldapsearch -b ${
              spec.baseDn
            } exited with ${code}: ${stderr.trim()}`,
          ),
        );
        return;
      }
      resolve({ elapsedS: Number(match[1]), maxRssKiB: Number(match[2]) });
    });
  });
}

/** Counts the entries a search returns (asks for no attributes). */
export function countEntries(
  directory: DirectoryParams,
  baseDn: string,
  filter: string,
  pageSize: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      LDAPSEARCH,
      ldapsearchArgs(directory, {
        baseDn,
        filter,
        attributes: ['1.1'],
        pageSize,
      }),
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let count = 0;
    let carry = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const lines = (carry + chunk).split('\n');
      carry = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('dn:')) count++;
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', chunk => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', code => {
      if (carry.startsWith('dn:')) count++;
      if (code !== 0) {
        reject(
          new Error(`ldapsearch ${filter} exited with ${code}: ${stderr}`),
        );
      } else {
        resolve(count);
      }
    });
  });
}
