import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');
export const PORTAL_LOG = path.join(RESULTS_DIR, 'portal.log');
export const APP_URL = 'http://127.0.0.1:3000';
export const BACKEND_URL = 'http://127.0.0.1:7007';

const STARTUP_TIMEOUT_MS = 6 * 60_000;

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    return response.ok;
  } catch {
    return false;
  }
}

/** The environment a person's shell would give scripts/start.sh: without what Jest sets for its tests. */
function userEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_ENV; // Jest sets 'test', which changes how the frontend is bundled
  for (const name of Object.keys(env)) {
    if (name.startsWith('JEST_') || name.startsWith('NODE_CHANNEL_'))
      delete env[name];
  }
  return env;
}

/**
 * Whether the demo people are in the catalog yet: the portal answers before its first org sync (a few
 * seconds after start-up) and before the catalog has processed what it committed.
 */
async function demoOrgSynced(): Promise<boolean> {
  try {
    const guest = await fetch(
      `${BACKEND_URL}/api/auth/guest/refresh?env=development`,
      { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
    );
    if (!guest.ok) return false;
    const token = (await guest.json()).backstageIdentity.token;
    const user = await fetch(
      `${BACKEND_URL}/api/catalog/entities/by-name/user/default/lnowak`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    return user.ok;
  } catch {
    return false;
  }
}

/** Starts scripts/start.sh (the README's start command) and waits until the demo org is in the catalog. */
export async function startPortal(): Promise<ChildProcess> {
  if ((await answers(APP_URL)) || (await answers(BACKEND_URL))) {
    throw new Error(
      `Something already listens on ${APP_URL} or ${BACKEND_URL}; stop it before running the end-to-end tests`,
    );
  }
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const log = fs.openSync(PORTAL_LOG, 'w');
  const child = spawn(path.join(REPO_ROOT, 'scripts', 'start.sh'), [], {
    cwd: REPO_ROOT,
    detached: true,
    env: userEnvironment(),
    stdio: ['ignore', log, log],
  });
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `The portal exited early (code ${child.exitCode}); see ${PORTAL_LOG}`,
      );
    }
    if (
      (await answers(`${BACKEND_URL}/.backstage/health/v1/readiness`)) &&
      (await answers(APP_URL)) &&
      (await demoOrgSynced())
    ) {
      return child;
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  await stopPortal(child.pid);
  throw new Error(
    `The portal did not start within ${
      STARTUP_TIMEOUT_MS / 1000
    }s; see ${PORTAL_LOG}`,
  );
}

/** Stops the whole process group started by startPortal and waits until it is gone. */
export async function stopPortal(pid: number | undefined) {
  if (!pid) return;
  const signalGroup = (signal: NodeJS.Signals | 0) => {
    try {
      process.kill(-pid, signal);
      return true;
    } catch {
      return false; // the group is gone
    }
  };
  signalGroup('SIGTERM');
  const deadline = Date.now() + 15_000;
  while (signalGroup(0)) {
    if (Date.now() > deadline) {
      signalGroup('SIGKILL');
      return;
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}
