import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConflictError } from '@backstage/errors';
import { resolveBinaries, SlapdBinaries } from './binaries';
import {
  databaseDirectory,
  markDataDirectoryLoaded,
  prepareDataDirectory,
} from './dataDirectory';
import { registerExitCleanup } from './exitCleanup';
import { randomPassword } from './hashPassword';
import { addOnline, loadOffline } from './loadLdif';
import { assertPortFree, findFreePort, LOOPBACK_HOST } from './ports';
import { RuntimeConfig, writeRuntimeConfig } from './runtimeConfig';
import { createRuntimeDirectory } from './runtimeDirectory';
import { spawnSlapd, SlapdProcess, waitUntilReady } from './slapdProcess';
import { withSuffixEntry } from './suffixEntry';
import { createTlsFiles, TlsFiles } from './tlsFiles';
import { SlapdInstance, SlapdTlsOptions, StartSlapdOptions } from './types';
import { validateOptions } from './validateOptions';

const DEFAULT_READY_TIMEOUT_MS = 10_000;
const FREE_PORT_ATTEMPTS = 3;

interface Listening {
  slapd: SlapdProcess;
  port: number;
  url: string;
  /** Set when TLS is on. */
  ldapsPort?: number;
}

function tlsOptionsOf(options: StartSlapdOptions): SlapdTlsOptions | undefined {
  if (!options.tls) {
    return undefined;
  }
  return options.tls === true ? {} : options.tls;
}

/**
 * Starts slapd and waits until it answers. Without a fixed port, a port that
 * another process grabbed between our probe and slapd's bind is retried.
 */
async function startListening(
  options: StartSlapdOptions,
  binaries: SlapdBinaries,
  config: RuntimeConfig,
  rootDn: string,
): Promise<Listening> {
  const tls = tlsOptionsOf(options);
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await findFreePort());
    const url = `ldap://${LOOPBACK_HOST}:${port}`;
    const ldapsPort = tls ? tls.ldapsPort ?? (await findFreePort()) : undefined;
    const listenUrls = [`${url}/`];
    if (ldapsPort !== undefined) {
      listenUrls.push(`ldaps://${LOOPBACK_HOST}:${ldapsPort}/`);
    }
    const slapd = spawnSlapd({
      slapdPath: binaries.slapd,
      setprivPath: binaries.setpriv,
      configDir: config.configDir,
      listenUrl: listenUrls.join(' '),
      logLevel: options.logLevel ?? 'none',
      onLog: options.onLog,
    });
    try {
      await waitUntilReady(slapd, {
        ldapwhoamiPath: binaries.ldapwhoami,
        url,
        port,
        bindDn: rootDn,
        passwordFile: config.passwordFile,
        timeoutMs: options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS,
      });
      return { slapd, port, url, ldapsPort };
    } catch (error) {
      await slapd.stop();
      const retry =
        error instanceof ConflictError &&
        options.port === undefined &&
        tls?.ldapsPort === undefined &&
        attempt < FREE_PORT_ATTEMPTS;
      if (!retry) {
        throw error;
      }
    }
  }
}

/**
 * Starts a real OpenLDAP slapd on 127.0.0.1 with a generated configuration
 * (mdb database, memberof and refint overlays), loads `options.ldif` into a
 * fresh database and resolves once the server answers binds.
 */
export async function startSlapd(
  options: StartSlapdOptions,
): Promise<SlapdInstance> {
  validateOptions(options);
  const binaries = await resolveBinaries({
    slapd: options.slapdPath,
    slapadd: options.slapaddPath,
    ldapadd: options.ldapaddPath,
    ldapwhoami: options.ldapwhoamiPath,
  });
  if (options.port !== undefined) {
    await assertPortFree(options.port);
  }
  const tlsOptions = tlsOptionsOf(options);
  if (tlsOptions?.ldapsPort !== undefined) {
    await assertPortFree(tlsOptions.ldapsPort);
  }

  const { suffix } = options;
  const rootDn = `cn=admin,${suffix}`;
  const rootPassword = options.rootPassword ?? randomPassword();
  const loadWith = options.loadWith ?? 'ldapadd';
  const runtimeDir = await createRuntimeDirectory();
  const dataDir = options.dataDir
    ? resolve(options.dataDir)
    : join(runtimeDir, 'data');
  let listening: Listening | undefined;

  try {
    const { alreadyLoaded } = await prepareDataDirectory(dataDir, suffix);
    let tlsFiles: TlsFiles | undefined;
    if (tlsOptions) {
      tlsFiles = await createTlsFiles(join(runtimeDir, 'tls'), {
        hostnames: tlsOptions.hostnames,
        opensslPath: tlsOptions.opensslPath,
      });
    }
    const config = await writeRuntimeConfig({
      slapaddPath: binaries.slapadd,
      runtimeDir,
      databaseDirectory: databaseDirectory(dataDir),
      suffix,
      rootDn,
      rootPassword,
      sizeLimit: options.sizeLimit ?? 'unlimited',
      extraSchemas: options.extraSchemas ?? [],
      tls: tlsFiles,
    });
    const initialLdif = withSuffixEntry(options.ldif ?? '', suffix);
    const mustLoad = !alreadyLoaded && initialLdif.trim() !== '';

    if (mustLoad && loadWith === 'slapadd') {
      await loadOffline({
        slapaddPath: binaries.slapadd,
        configDir: config.configDir,
        suffix,
        ldif: initialLdif,
      });
    }
    listening = await startListening(options, binaries, config, rootDn);
    const { slapd, port, url, ldapsPort } = listening;
    const add = (ldif: string) =>
      addOnline({
        ldapaddPath: binaries.ldapadd,
        url,
        rootDn,
        passwordFile: config.passwordFile,
        ldif,
      });
    if (mustLoad && loadWith === 'ldapadd') {
      await add(initialLdif);
    }
    if (!alreadyLoaded) {
      await markDataDirectoryLoaded(dataDir, suffix);
    }

    const cancelExitCleanup = registerExitCleanup(slapd.pid, [runtimeDir]);
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        await slapd.stop();
        await rm(runtimeDir, { recursive: true, force: true });
        cancelExitCleanup();
      })();
      return stopping;
    };

    return {
      url,
      port,
      suffix,
      rootDn,
      rootPassword,
      dataDir,
      tls:
        tlsFiles && ldapsPort !== undefined
          ? {
              ldapsUrl: `ldaps://${LOOPBACK_HOST}:${ldapsPort}`,
              ldapsPort,
              ...tlsFiles,
            }
          : undefined,
      exited: slapd.exited,
      stop,
      add: async ldif => {
        if (stopping || slapd.hasExited()) {
          throw new Error(`slapd at ${url} is not running`);
        }
        await add(ldif);
      },
    };
  } catch (error) {
    await listening?.slapd.stop();
    await rm(runtimeDir, { recursive: true, force: true });
    throw error;
  }
}
