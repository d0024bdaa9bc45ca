import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'slapd-harness-';
const OWNER_FILE = 'owner.pid';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(dir: string): Promise<number | undefined> {
  try {
    const pid = Number(await readFile(join(dir, OWNER_FILE), 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Removes runtime directories whose Node process is gone without calling
 * stop() — e.g. under Jest, whose sandboxed `process` never emits 'exit'.
 */
async function removeAbandonedRuntimeDirectories(): Promise<void> {
  const names = await readdir(tmpdir()).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter(name => name.startsWith(PREFIX))
      .map(async name => {
        const dir = join(tmpdir(), name);
        const owner = await readOwner(dir);
        if (owner !== undefined && !isAlive(owner)) {
          await rm(dir, { recursive: true, force: true });
        }
      }),
  );
}

/**
 * Creates the temporary directory for one slapd run (config, password file,
 * and the database unless a data directory was given), tagged with our pid.
 */
export async function createRuntimeDirectory(): Promise<string> {
  await removeAbandonedRuntimeDirectories();
  const dir = await mkdtemp(join(tmpdir(), PREFIX));
  await writeFile(join(dir, OWNER_FILE), String(process.pid));
  return dir;
}
