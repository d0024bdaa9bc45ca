import { randomBytes } from 'node:crypto';
import {
  access,
  chmod,
  constants,
  mkdir,
  readFile,
  writeFile,
} from 'node:fs/promises';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { SlapdNotInstalledError } from './errors';
import { runTool } from './runTool';

/** Default `openssl` binary. */
export const DEFAULT_OPENSSL_PATH = '/usr/bin/openssl';

/** A throwaway CA and a server certificate it signed, as PEM files. */
export interface TlsFiles {
  /** The CA certificate (PEM), for clients' trust stores. */
  caFile: string;
  /** The same CA certificate as text. */
  caPem: string;
  /** The server certificate (PEM). */
  certFile: string;
  /** The server's private key (PEM, unencrypted, mode 0600). */
  keyFile: string;
}

/** Options for {@link createTlsFiles}. */
export interface CreateTlsFilesOptions {
  /** Host names and IP addresses the certificate is valid for. */
  hostnames?: string[];
  /** Common name of the CA, to tell several CAs apart. */
  caName?: string;
  opensslPath?: string;
}

const DEFAULT_HOSTNAMES = ['localhost', '127.0.0.1'];
const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'];

/**
 * Generates, with `openssl`, a CA (valid two days) and a server certificate
 * for `hostnames` (subjectAltName DNS/IP entries) into `dir`. Takes a few
 * tens of milliseconds (P-256 keys).
 */
export async function createTlsFiles(
  dir: string,
  options: CreateTlsFilesOptions = {},
): Promise<TlsFiles> {
  const openssl = options.opensslPath ?? DEFAULT_OPENSSL_PATH;
  try {
    await access(openssl, constants.X_OK);
  } catch {
    throw new SlapdNotInstalledError(
      `openssl is not installed (needed for tls): run \`apt-get install openssl\` (as root); missing: ${openssl}`,
    );
  }
  const hostnames = options.hostnames ?? DEFAULT_HOSTNAMES;
  await mkdir(dir, { recursive: true });
  const caKey = join(dir, 'ca.key');
  const caFile = join(dir, 'ca.pem');
  const keyFile = join(dir, 'server.key');
  const csrFile = join(dir, 'server.csr');
  const certFile = join(dir, 'server.pem');
  const extFile = join(dir, 'server.ext');

  await runTool(openssl, [
    'req',
    '-x509',
    ...EC_KEY,
    '-nodes',
    '-keyout',
    caKey,
    '-out',
    caFile,
    '-days',
    '2',
    '-subj',
    `/CN=${options.caName ?? 'slapd-harness test CA'}`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  await runTool(openssl, [
    'req',
    '-new',
    ...EC_KEY,
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    csrFile,
    '-subj',
    `/CN=${hostnames[0]}`,
  ]);
  const altNames = hostnames
    .map(name => (isIP(name) ? `IP:${name}` : `DNS:${name}`))
    .join(',');
  await writeFile(
    extFile,
    [
      `subjectAltName=${altNames}`,
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      '',
    ].join('\n'),
  );
  await runTool(openssl, [
    'x509',
    '-req',
    '-in',
    csrFile,
    '-CA',
    caFile,
    '-CAkey',
    caKey,
    '-set_serial',
    `0x${randomBytes(8).toString('hex')}`,
    '-days',
    '2',
    '-extfile',
    extFile,
    '-out',
    certFile,
  ]);
  await chmod(keyFile, 0o600);
  await chmod(caKey, 0o600);
  return { caFile, caPem: await readFile(caFile, 'utf8'), certFile, keyFile };
}
