import { rmSync } from 'node:fs';

interface CleanupEntry {
  pid: number;
  directories: string[];
}

const pending = new Set<CleanupEntry>();
let hookInstalled = false;

function cleanUpSynchronously(): void {
  for (const entry of pending) {
    try {
      process.kill(entry.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    for (const directory of entry.directories) {
      rmSync(directory, { recursive: true, force: true });
    }
  }
  pending.clear();
}

/**
 * Makes sure a slapd process is killed and its temporary directories removed
 * when the Node process exits without calling stop() (e.g. a crashed test
 * run). Returns the function that cancels this once stop() has run.
 */
export function registerExitCleanup(
  pid: number,
  directories: string[],
): () => void {
  if (!hookInstalled) {
    process.on('exit', cleanUpSynchronously);
    hookInstalled = true;
  }
  const entry: CleanupEntry = { pid, directories };
  pending.add(entry);
  return () => {
    pending.delete(entry);
  };
}
