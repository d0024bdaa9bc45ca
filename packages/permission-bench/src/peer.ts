import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { stringify } from 'yaml';
import { Spawned, spawnProcess } from './runChild';

/** The peer's own package: its package.json, lock file and backend.cjs. */
export const PEER_DIR = resolvePackagePath(
  '@internal/permission-bench',
  'peer',
);
export const RBAC_BACKEND_VERSION = '6.1.0';

/** Why the peer is not installed, or undefined when it is. */
export function peerNotInstalledReason(): string | undefined {
  const rbac = path.join(
    PEER_DIR,
    'node_modules/@backstage-community/plugin-rbac-backend/package.json',
  );
  if (!existsSync(rbac)) {
    return 'packages/permission-bench/peer/node_modules is missing';
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const version = require(rbac).version;
  if (version !== RBAC_BACKEND_VERSION) {
    return `the peer has rbac-backend ${version}, not ${RBAC_BACKEND_VERSION}`;
  }
  const sqlite = path.join(
    PEER_DIR,
    'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
  );
  if (!existsSync(sqlite)) {
    return "the peer's better-sqlite3 was not built";
  }
  return undefined;
}

/**
 * Installs the peer's dependency tree with npm into peer/node_modules (from
 * its lock file when there is one), outside the yarn workspaces. Native
 * addons build against the running Node's headers when it ships them.
 */
export async function installPeer(): Promise<void> {
  const useLock = existsSync(path.join(PEER_DIR, 'package-lock.json'));
  const args = [
    useLock ? 'ci' : 'install',
    '--no-audit',
    '--no-fund',
    '--prefix',
    PEER_DIR,
  ];
  const env = { ...process.env };
  const nodePrefix = path.dirname(path.dirname(process.execPath));
  if (
    !env.npm_config_nodedir &&
    existsSync(path.join(nodePrefix, 'include/node/node.h'))
  ) {
    env.npm_config_nodedir = nodePrefix;
  }
  // npm must run the same Node (better-sqlite3 builds for its ABI).
  env.PATH = `${path.dirname(process.execPath)}${path.delimiter}${env.PATH}`;
  process.stderr.write(
    `Installing the RHDH peer (npm ${args.join(
      ' ',
    )}); the first time takes a few minutes …\n`,
  );
  await new Promise<void>((resolve, reject) => {
    const child = spawn('npm', args, {
      cwd: PEER_DIR,
      env,
      stdio: ['ignore', process.stderr, process.stderr],
    });
    child.on('error', reject);
    child.on('close', code =>
      code === 0
        ? resolve()
        : reject(
            new Error(`npm ${args[0]} in ${PEER_DIR} exited with ${code}`),
          ),
    );
  });
  const reason = peerNotInstalledReason();
  if (reason) {
    throw new Error(`the peer install finished but ${reason}`);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningPeer {
  baseUrl: string;
  process: Spawned;
  startMs: number;
  /** A real user token issued by the peer's auth plugin. */
  token(user: string): Promise<string>;
}

async function mintToken(baseUrl: string, user: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/bench/refresh`, {
    headers: { 'x-bench-user': user, 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!response.ok) {
    throw new Error(
      `GET /api/auth/bench/refresh for ${user}: HTTP ${
        response.status
      } ${await response.text()}`,
    );
  }
  const body = (await response.json()) as {
    backstageIdentity: { token: string };
  };
  return body.backstageIdentity.token;
}

/**
 * Starts the peer backend (peer/backend.cjs) on a free loopback port with a
 * generated config: SQLite in memory, RBAC from the given policies CSV and
 * super users, the synthetic entities through its provider. Resolves once
 * it issues tokens; the catalog may still be loading.
 */
export async function startPeer(options: {
  workDir: string;
  entitiesFile: string;
  csv: string;
  superUsers: string[];
  logLevel: string;
  verbose: boolean;
}): Promise<RunningPeer> {
  const runDir = path.join(options.workDir, 'rhdh-peer');
  await fs.mkdir(runDir, { recursive: true });
  // The backend looks for the closest package.json from its working
  // directory; inside the repository it would find the yarn workspace root
  // and read the config schemas of every workspace package.
  await fs.writeFile(
    path.join(runDir, 'package.json'),
    `${JSON.stringify({ name: 'rhdh-peer-run', private: true })}\n`,
  );
  const csvFile = path.join(runDir, 'rbac-policy.csv');
  await fs.writeFile(csvFile, options.csv);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = {
    app: { baseUrl },
    backend: {
      baseUrl,
      listen: { host: '127.0.0.1', port },
      database: { client: 'better-sqlite3', connection: ':memory:' },
    },
    auth: { environment: 'development', providers: { bench: {} } },
    // Processed once on arrival; no re-processing during the load.
    catalog: { processingInterval: { hours: 24 } },
    permission: {
      enabled: true,
      rbac: {
        'policies-csv-file': csvFile,
        admin: { superUsers: options.superUsers.map(name => ({ name })) },
      },
    },
  };
  const configFile = path.join(runDir, 'app-config.yaml');
  await fs.writeFile(configFile, stringify(config));

  const started = performance.now();
  const spawned = spawnProcess(
    process.execPath,
    [path.join(PEER_DIR, 'backend.cjs'), '--config', configFile],
    {
      cwd: runDir,
      env: {
        ...process.env,
        PERMISSION_BENCH_ENTITIES: options.entitiesFile,
        LOG_LEVEL: options.logLevel,
      },
      label: 'rhdh',
      verbose: options.verbose,
    },
  );
  let exited = false;
  spawned.exited.then(() => {
    exited = true;
  });
  const probeUser = options.superUsers[0];
  for (;;) {
    if (exited) {
      throw new Error(
        `the RHDH peer exited during start-up; last output:\n${spawned.tail()}`,
      );
    }
    try {
      await mintToken(baseUrl, probeUser);
      break;
    } catch {
      if (performance.now() - started > 180_000) {
        await spawned.stop();
        throw new Error(
          `the RHDH peer did not issue a token within 180 s; last output:\n${spawned.tail()}`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  }
  const tokens = new Map<string, Promise<string>>();
  return {
    baseUrl,
    process: spawned,
    startMs: performance.now() - started,
    token(user) {
      let token = tokens.get(user);
      if (!token) {
        token = mintToken(baseUrl, user);
        tokens.set(user, token);
      }
      return token;
    },
  };
}
