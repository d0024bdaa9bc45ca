/**
 * The directory products with known defaults.
 *
 * @public
 */
export type LdapVendor = 'openldap' | 'activedirectory';

/**
 * Where the CA bundle comes from: a file path or inline PEM.
 *
 * @public
 */
export type LdapCaSource = { file: string } | { pem: string };

/**
 * TLS settings of a connection.
 *
 * @public
 */
export interface LdapTlsConfig {
  /** CA certificates that may sign the server certificate. */
  ca?: LdapCaSource;
  /** Upgrade `ldap://` connections with the StartTLS extended operation. */
  startTls: boolean;
  /** Check the server certificate (chain and host name). */
  rejectUnauthorized: boolean;
}

/**
 * Receives the warnings of {@link connect} (a URL that failed before another
 * one worked).
 *
 * @public
 */
export interface ConnectWarnings {
  warning(code: string, message: string): void;
}

/**
 * `Name: message` of an error, for log lines and problem reports.
 *
 * @public
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    return `${error.name}: ${error.message}`;
  }
  return String(error);
}
