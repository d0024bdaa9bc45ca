import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BASE_SCHEMAS, buildConfigLdif } from './configLdif';
import { hashPasswordSsha } from './hashPassword';
import { runTool } from './runTool';

/** What {@link writeRuntimeConfig} needs. */
export interface RuntimeConfigParams {
  slapaddPath: string;
  runtimeDir: string;
  databaseDirectory: string;
  suffix: string;
  rootDn: string;
  rootPassword: string;
  sizeLimit: number | 'unlimited';
  extraSchemas: string[];
  /** Certificate files; no TLS when absent. */
  tls?: { caFile: string; certFile: string; keyFile: string };
}

/** Files in the per-start runtime directory. */
export interface RuntimeConfig {
  /** The slapd.d (cn=config) directory. */
  configDir: string;
  /** The root password, for the tools' `-y` option. */
  passwordFile: string;
}

/**
 * Generates a fresh slapd.d directory with `slapadd -n0` and a password file
 * for the tools. Both live in the runtime directory, which is temporary even
 * when the data directory is kept, so a kept directory never stores the root
 * password in clear.
 */
export async function writeRuntimeConfig(
  params: RuntimeConfigParams,
): Promise<RuntimeConfig> {
  const configDir = join(params.runtimeDir, 'slapd.d');
  const passwordFile = join(params.runtimeDir, 'rootpw');
  await mkdir(configDir, { recursive: true });
  // No trailing newline: the tools use the whole file as the password.
  await writeFile(passwordFile, params.rootPassword, { mode: 0o600 });
  const configLdif = buildConfigLdif({
    suffix: params.suffix,
    rootDn: params.rootDn,
    rootPasswordHash: hashPasswordSsha(params.rootPassword),
    databaseDirectory: params.databaseDirectory,
    pidFile: join(params.runtimeDir, 'slapd.pid'),
    sizeLimit: params.sizeLimit,
    schemaFiles: [...BASE_SCHEMAS, ...params.extraSchemas],
    tls: params.tls,
  });
  await writeFile(join(params.runtimeDir, 'config.ldif'), configLdif);
  await runTool(params.slapaddPath, ['-n0', '-F', configDir], {
    input: configLdif,
  });
  return { configDir, passwordFile };
}
