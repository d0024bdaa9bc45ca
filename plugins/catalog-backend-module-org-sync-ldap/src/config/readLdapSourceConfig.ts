import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ZodIssue } from 'zod';
import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_OPERATION_TIMEOUT_MS,
  ldapSourceSchema,
  ParsedLdapSource,
} from './schema';
import { LdapCaSource, LdapSourceConfig } from './types';

const PEM_MARKER = '-----BEGIN CERTIFICATE-----';

function describeIssue(configPath: string, issue: ZodIssue): string {
  const key = [configPath, ...issue.path.map(String)].join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys
      .map(unknown => `${key}.${unknown} is not a known setting`)
      .join('; ');
  }
  if (issue.code === 'invalid_type' && issue.received === 'undefined') {
    return `${key} is required`;
  }
  return `${key} ${issue.message}`;
}

function readCa(ca: string | undefined): LdapCaSource | undefined {
  if (ca === undefined) {
    return undefined;
  }
  return ca.includes(PEM_MARKER) ? { pem: ca } : { file: ca };
}

function toSourceConfig(parsed: ParsedLdapSource): LdapSourceConfig {
  return {
    vendor: parsed.vendor,
    urls: parsed.urls ?? [parsed.url!],
    bind: parsed.bind,
    tls: {
      ca: readCa(parsed.tls.ca),
      startTls: parsed.tls.startTls,
      rejectUnauthorized: parsed.tls.rejectUnauthorized,
    },
    timeouts: {
      connectMs: parsed.timeouts.connect ?? DEFAULT_CONNECT_TIMEOUT_MS,
      operationMs: parsed.timeouts.operation ?? DEFAULT_OPERATION_TIMEOUT_MS,
    },
    pageSize: parsed.pageSize,
    memberships: parsed.memberships,
    users: parsed.users,
    groups: parsed.groups,
  };
}

/**
 * Reads and validates one LDAP source block,
 * `catalog.providers.orgSync.<providerId>.sources.ldap.<sourceId>`. Pure: no
 * files are read and nothing is contacted.
 *
 * Throws an `InputError` listing every problem, each naming the full config
 * key, for example
 * `catalog.providers.orgSync.corp.sources.ldap.main.bind.password must not be empty: ...`.
 * Secret values are never part of the message.
 *
 * @public
 */
export function readLdapSourceConfig(
  config: Config,
  configPath: string,
): LdapSourceConfig {
  const result = ldapSourceSchema.safeParse(config.get());
  if (!result.success) {
    const problems = result.error.issues.map(issue =>
      describeIssue(configPath, issue),
    );
    throw new InputError(`Invalid LDAP source config: ${problems.join('; ')}`);
  }
  return toSourceConfig(result.data);
}
