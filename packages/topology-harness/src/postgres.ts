import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTlsFiles } from '@internal/slapd-harness';
import { startProcess, waitFor, type RunningProcess } from './childProcess';
import { findFreePort, LOOPBACK } from './ports';

/** A PostgreSQL server on loopback, with TLS, for the topology. */
export interface PostgresServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** The CA that signed the server certificate (PEM), for `POSTGRES_CA`. */
  caPem: string;
  /** Stops the server (fast shutdown: open connections are cut). */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  start(): Promise<void>;
}

const USER = 'portal';

/** Debian installs PostgreSQL under /usr/lib/postgresql/<major>/bin; the newest one is used. */
export function findPostgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter(name => existsSync(join(root, name, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (majors.length === 0) {
    throw new Error(
      'PostgreSQL is not installed: run `apt-get install postgresql` (as root)',
    );
  }
  return join(root, majors[0], 'bin');
}

/** PostgreSQL refuses to run as root: then it runs as the `postgres` user (Debian's package creates it). */
function unprivilegedIds(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) =>
    Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function runInitdb(
  command: string,
  args: string[],
  ids?: { uid: number; gid: number },
) {
  try {
    execFileSync(command, args, { ...ids, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`initdb failed: ${stderr || (error as Error).message}`);
  }
}

async function chownTree(paths: string[], ids?: { uid: number; gid: number }) {
  if (!ids) return;
  for (const path of paths) await chown(path, ids.uid, ids.gid);
}

/**
 * Creates a cluster with `initdb` in `dir` and starts `postgres` on a free loopback port with TLS
 * (a throwaway CA), password authentication (scram-sha-256) and durability off (test data only).
 */
export async function startPostgres(dir: string): Promise<PostgresServer> {
  const bin = findPostgresBinDir();
  const ids = unprivilegedIds();
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const dataDir = join(dir, 'data');
  const tlsDir = join(dir, 'tls');
  const pwFile = join(dir, 'pwfile');
  await mkdir(dir, { recursive: true });
  await writeFile(pwFile, `${password}\n`, { mode: 0o600 });
  const tls = await createTlsFiles(tlsDir, {
    hostnames: [LOOPBACK, 'localhost'],
    caName: 'topology-harness PostgreSQL CA',
  });
  await chownTree([dir, pwFile, tlsDir, tls.certFile, tls.keyFile], ids);
  runInitdb(
    join(bin, 'initdb'),
    [
      '-D',
      dataDir,
      '-U',
      USER,
      `--pwfile=${pwFile}`,
      '--auth=scram-sha-256',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ],
    ids,
  );
  const port = await findFreePort();
  const args = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    `listen_addresses=${LOOPBACK}`,
    '-c',
    'max_connections=300',
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'ssl=on',
    '-c',
    `ssl_cert_file=${tls.certFile}`,
    '-c',
    `ssl_key_file=${tls.keyFile}`,
  ];

  let server: RunningProcess;
  const start = async () => {
    server = startProcess(join(bin, 'postgres'), args, {
      ...ids,
      logFile: join(dir, 'postgres.log'),
    });
    await waitFor(
      'PostgreSQL start',
      () =>
        new Promise<boolean>(resolve =>
          execFile(
            join(bin, 'pg_isready'),
            ['-h', LOOPBACK, '-p', String(port), '-d', 'postgres', '-U', USER],
            error => resolve(!error),
          ),
        ),
      {
        timeoutMs: 30_000,
        abortIf: () =>
          server.hasExited() ? `exited; see ${dir}/postgres.log` : undefined,
      },
    );
  };
  await start();

  return {
    host: LOOPBACK,
    port,
    user: USER,
    password,
    caPem: tls.caPem,
    start,
    stop: () => server.stop('SIGINT'),
  };
}
