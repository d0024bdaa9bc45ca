import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { ForwardedError, ServiceUnavailableError } from '@backstage/errors';
import { InvalidCredentialsError } from 'ldapts';
import {
  describeError,
  type ConnectWarnings,
  type LdapTlsConfig,
} from './types';
import { abortable } from './abortable';
import type { CreateLdapClient, LdapClient } from './client';

/**
 * Everything needed to open one bound connection.
 *
 * @public
 */
export interface ConnectOptions {
  urls: string[];
  bind?: { dn: string; password: string };
  tls: LdapTlsConfig;
  /** The CA bundle (PEM), already loaded. */
  caPem?: string;
  connectTimeoutMs: number;
  operationTimeoutMs: number;
  createClient: CreateLdapClient;
  signal: AbortSignal;
  /** Receives a warning for each URL that failed before one worked. */
  problems?: ConnectWarnings;
}

/**
 * A bound connection.
 *
 * @public
 */
export interface Connection {
  client: LdapClient;
  url: string;
}

function tlsOptions(options: ConnectOptions, host: string): ConnectionOptions {
  const tls: ConnectionOptions = {
    rejectUnauthorized: options.tls.rejectUnauthorized,
    // Checked against the certificate; SNI only for names, not addresses.
    host,
  };
  if (!isIP(host)) {
    tls.servername = host;
  }
  if (options.caPem) {
    tls.ca = options.caPem;
  }
  return tls;
}

async function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  what: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} timed out after ${ms} ms`)),
      ms,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Connects to one URL, upgrades with StartTLS if configured, and binds.
 * Throws what the connection or bind throws.
 */
export async function openConnection(
  url: string,
  options: ConnectOptions,
): Promise<LdapClient> {
  const parsed = new URL(url);
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const client = options.createClient({
    url,
    connectTimeout: options.connectTimeoutMs,
    timeout: options.operationTimeoutMs,
    // ldapts uses TLS whenever tlsOptions are given, so only for ldaps://.
    tlsOptions:
      parsed.protocol === 'ldaps:' ? tlsOptions(options, host) : undefined,
  });
  const abort = () => {
    client.unbind().catch(() => {});
  };
  options.signal.addEventListener('abort', abort, { once: true });
  try {
    if (options.tls.startTls) {
      await abortable(
        withTimeout(
          client.startTLS(tlsOptions(options, host)),
          options.connectTimeoutMs + options.operationTimeoutMs,
          'StartTLS',
        ),
        options.signal,
      );
    }
    // An anonymous simple bind when no bind DN is configured, so that an
    // unreachable server is noticed here and not in the middle of a search.
    await abortable(
      client.bind(options.bind?.dn ?? '', options.bind?.password ?? ''),
      options.signal,
    );
    return client;
  } catch (error) {
    await client.unbind().catch(() => {});
    throw error;
  } finally {
    options.signal.removeEventListener('abort', abort);
  }
}

/**
 * Opens a bound connection to the first URL that accepts one, in order.
 * Every URL that fails before is reported as a `url-unavailable` warning.
 *
 * Rejected credentials end the attempt at once: the other URLs (replicas of
 * the same directory) would refuse them too, and every try counts towards
 * account lockout in Active Directory. Throws when no URL works, naming each
 * URL and why; the password is never part of a message.
 */
export async function connect(options: ConnectOptions): Promise<Connection> {
  const failures: string[] = [];
  for (const [index, url] of options.urls.entries()) {
    options.signal.throwIfAborted();
    try {
      const client = await openConnection(url, options);
      for (const failure of failures) {
        options.problems?.warning(
          'url-unavailable',
          `${failure}; used ${url} instead`,
        );
      }
      return { client, url };
    } catch (error) {
      options.signal.throwIfAborted();
      if (error instanceof InvalidCredentialsError) {
        const untried = options.urls.slice(index + 1);
        throw new ForwardedError(
          `LDAP bind as "${
            options.bind?.dn ?? '(anonymous)'
          }" was rejected by ${url} with invalid credentials (LDAP result 49)${
            untried.length > 0
              ? ` (not trying ${untried.join(
                  ', ',
                )}, so that the account is not locked out)`
              : ''
          }`,
          error,
        );
      }
      failures.push(`${url} failed: ${describeError(error)}`);
    }
  }
  throw new ServiceUnavailableError(
    `Could not connect and bind to any LDAP server: ${failures.join('; ')}`,
  );
}

/**
 * True when `error` is (or wraps, as {@link connect} does) an LDAP
 * "invalid credentials" result (49).
 *
 * @public
 */
export function isInvalidCredentials(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof InvalidCredentialsError) {
      return true;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
