import type { LdapCaSource } from './types';

const PEM_MARKER = '-----BEGIN CERTIFICATE-----';

/** A `tls.ca` setting: inline PEM when it holds a certificate, else a file path. */
export function caSource(ca: string | undefined): LdapCaSource | undefined {
  if (ca === undefined) {
    return undefined;
  }
  return ca.includes(PEM_MARKER) ? { pem: ca } : { file: ca };
}

/** The parts of a zod issue (v3 or v4) that a config error message needs. */
export type ConfigIssue = {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  received?: unknown;
};

/**
 * One config validation problem as a sentence that starts with the full key,
 * e.g. `auth.providers.ldap.development.bind.password is required`.
 */
export function describeConfigIssue(
  configPath: string,
  issue: ConfigIssue,
): string {
  const key = [configPath, ...issue.path.map(String)].join('.');
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    return issue.keys
      .map(unknown => `${key}.${unknown} is not a known setting`)
      .join('; ');
  }
  if (issue.code === 'invalid_type' && issue.received === 'undefined') {
    return `${key} is required`;
  }
  return `${key} ${issue.message}`;
}
