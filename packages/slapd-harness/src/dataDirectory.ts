import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '@backstage/errors';
import { normalizeDn } from './suffixEntry';

const DATABASE_DIR = 'mdb';
const LOADED_MARKER = 'harness-loaded.json';

interface LoadedMarker {
  suffix: string;
  loadedAt: string;
}

/** The mdb database directory inside a harness data directory. */
export function databaseDirectory(dataDir: string): string {
  return join(dataDir, DATABASE_DIR);
}

async function readMarker(dataDir: string): Promise<LoadedMarker | undefined> {
  try {
    return JSON.parse(await readFile(join(dataDir, LOADED_MARKER), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Removes the database and its marker, leaving other files alone. */
export async function resetDataDirectory(dataDir: string): Promise<void> {
  await rm(join(dataDir, LOADED_MARKER), { force: true });
  await rm(databaseDirectory(dataDir), { recursive: true, force: true });
}

/**
 * Makes sure the data directory has a database directory and tells whether
 * it already holds a completely loaded database. A database without the
 * marker (e.g. an interrupted load) is wiped.
 */
export async function prepareDataDirectory(
  dataDir: string,
  suffix: string,
): Promise<{ alreadyLoaded: boolean }> {
  const marker = await readMarker(dataDir);
  if (marker && normalizeDn(marker.suffix) !== normalizeDn(suffix)) {
    throw new InputError(
      `${dataDir} holds a database for ${marker.suffix}, not ${suffix}; use another dataDir or remove it`,
    );
  }
  if (!marker) {
    await resetDataDirectory(dataDir);
  }
  await mkdir(databaseDirectory(dataDir), { recursive: true });
  return { alreadyLoaded: Boolean(marker) };
}

/** Records that the database was loaded completely. */
export async function markDataDirectoryLoaded(
  dataDir: string,
  suffix: string,
): Promise<void> {
  const marker: LoadedMarker = { suffix, loadedAt: new Date().toISOString() };
  await writeFile(join(dataDir, LOADED_MARKER), `${JSON.stringify(marker)}\n`);
}
