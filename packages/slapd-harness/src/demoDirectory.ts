import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { resetDataDirectory } from './dataDirectory';
import { assertPortFree } from './ports';
import { startSlapd } from './startSlapd';
import { SlapdInstance } from './types';

const LDIF_HASH_FILE = 'ldif.sha256';

/** The suffix of the demo directory unless overridden. */
export const DEMO_SUFFIX = 'dc=example,dc=com';

/** Options for {@link startDemoDirectory}. */
export interface DemoDirectoryOptions {
  /** The LDIF file with the demo organisation. */
  ldifFile: string;
  port: number;
  /** Kept between runs so that a second start is fast. */
  dataDir: string;
  rootPassword: string;
  /** Default `dc=example,dc=com`. */
  suffix?: string;
  logLevel?: string;
  onLog?: (line: string) => void;
}

async function readTextIfExists(path: string): Promise<string | undefined> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch {
    return undefined;
  }
}

/**
 * Starts the long-running demo directory. The LDIF is loaded on the first
 * start only; when the file (or the suffix) changed since the last load, the
 * database is wiped and loaded again.
 */
export async function startDemoDirectory(
  options: DemoDirectoryOptions,
): Promise<SlapdInstance> {
  const suffix = options.suffix ?? DEMO_SUFFIX;
  const dataDir = resolve(options.dataDir);
  const ldif = await readFile(options.ldifFile, 'utf8');
  const hash = createHash('sha256')
    .update(suffix)
    .update('\n')
    .update(ldif)
    .digest('hex');
  const hashFile = join(dataDir, LDIF_HASH_FILE);

  // Fail on a taken port before touching the data directory.
  await assertPortFree(options.port);
  await mkdir(dataDir, { recursive: true });
  if ((await readTextIfExists(hashFile)) !== hash) {
    await resetDataDirectory(dataDir);
  }

  const instance = await startSlapd({
    suffix,
    ldif,
    port: options.port,
    dataDir,
    rootPassword: options.rootPassword,
    loadWith: 'ldapadd',
    logLevel: options.logLevel,
    onLog: options.onLog,
  });
  await writeFile(hashFile, `${hash}\n`);
  return instance;
}
