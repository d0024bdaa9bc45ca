import {
  Config,
  ConfigReader,
  readDurationFromConfig,
} from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import { ldapAuthSchema } from './schema';
import { caSource, describeConfigIssue } from '@identity-portal/ldap-node';
import type { LdapAuthConfig } from './types';

const HOUR = 3_600_000;
const MINUTE = 60_000;

function readDuration(
  config: Config,
  key: string,
  configPath: string,
  fallbackMs: number,
): number {
  if (!config.has(key)) {
    return fallbackMs;
  }
  let ms: number;
  try {
    ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
  } catch (error) {
    throw new InputError(
      `Invalid LDAP sign-in config: ${configPath}.${key} is not a duration (e.g. '15m', '8h' or { minutes: 15 })`,
    );
  }
  if (!(ms > 0)) {
    throw new InputError(
      `Invalid LDAP sign-in config: ${configPath}.${key} must be positive`,
    );
  }
  return ms;
}

/**
 * Reads and validates one environment of the LDAP sign-in provider,
 * `auth.providers.ldap.<env>`. Pure: no file is read and nothing is
 * contacted (a CA given as a path is loaded later).
 *
 * Throws an `InputError` listing every problem, each naming the full key,
 * e.g. `auth.providers.ldap.production.bind.password must not be empty`.
 * Secret values are never part of the message.
 *
 * @public
 */
export function readLdapAuthConfig(
  config: Config,
  configPath: string,
): LdapAuthConfig {
  const result = ldapAuthSchema.safeParse(config.get());
  if (!result.success) {
    const problems = result.error.issues.map(issue =>
      describeConfigIssue(configPath, issue),
    );
    throw new InputError(`Invalid LDAP sign-in config: ${problems.join('; ')}`);
  }
  const parsed = result.data;
  // Durations through the Backstage reader (string or HumanDuration).
  const reader = new ConfigReader(config.get() as any);
  const windowMs = readDuration(
    reader,
    'throttle.window',
    configPath,
    15 * MINUTE,
  );
  return {
    configPath,
    vendor: parsed.vendor,
    urls: parsed.urls ?? [parsed.url!],
    bind: parsed.bind,
    tls: {
      ca: caSource(parsed.tls.ca),
      startTls: parsed.tls.startTls,
      rejectUnauthorized: parsed.tls.rejectUnauthorized,
    },
    timeouts: {
      connectMs: parsed.timeouts.connect ?? 5_000,
      operationMs: parsed.timeouts.operation ?? 5_000,
    },
    users: {
      baseDn: parsed.users.baseDn,
      scope: parsed.users.scope,
      filter: parsed.users.filter,
      disabledFilter: parsed.users.disabledFilter,
      attributes: parsed.users.attributes,
    },
    dnTemplate: parsed.dnTemplate,
    session: {
      durationMs: readDuration(
        reader,
        'session.duration',
        configPath,
        8 * HOUR,
      ),
      cookieName: parsed.session.cookieName,
    },
    recheckIntervalMs: readDuration(
      reader,
      'recheckInterval',
      configPath,
      5 * MINUTE,
    ),
    throttle: {
      perUsername: parsed.throttle.perUsername,
      perAddress: parsed.throttle.perAddress,
      windowMs,
      maxLockMs: readDuration(
        reader,
        'throttle.maxLock',
        configPath,
        4 * windowMs,
      ),
    },
    maxUsernameLength: parsed.maxUsernameLength,
  };
}
