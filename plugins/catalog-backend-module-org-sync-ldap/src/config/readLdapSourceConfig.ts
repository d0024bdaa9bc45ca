import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_OPERATION_TIMEOUT_MS,
  ldapSourceSchema,
  ParsedLdapSource,
} from './schema';
import { caSource, describeConfigIssue } from '@identity-portal/ldap-node';
import { LdapSourceConfig } from './types';

function toSourceConfig(parsed: ParsedLdapSource): LdapSourceConfig {
  return {
    vendor: parsed.vendor,
    urls: parsed.urls ?? [parsed.url!],
    bind: parsed.bind,
    tls: {
      ca: caSource(parsed.tls.ca),
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
      describeConfigIssue(configPath, issue),
    );
    throw new InputError(`Invalid LDAP source config: ${problems.join('; ')}`);
  }
  return toSourceConfig(result.data);
}
