import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { ServiceUnavailableError } from '@backstage/errors';
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  AD_DISABLED_FILTER,
  composeUserFilter,
  connect,
  CreateLdapClient,
  createLdaptsClient,
  describeError,
  detectVendor,
  escapeDnValue,
  escapeFilterValue,
  formatGuid,
  isInvalidCredentials,
  LdapClient,
  LdapVendor,
} from '@identity-portal/ldap-node';
import {
  BusyError,
  ResultCodeError,
  SizeLimitExceededError,
  UnavailableError,
} from 'ldapts';

/** An answer of the directory about the request (not about its own state). */
function isRefusal(error: unknown): boolean {
  return (
    error instanceof ResultCodeError &&
    !(error instanceof BusyError) &&
    !(error instanceof UnavailableError)
  );
}
import type { LdapAuthConfig } from '../config/types';
import { PLACEHOLDER } from '../config/schema';
import type { LdapAuthResult, LdapCheckOutcome } from './types';

type LdapEntry = Record<string, unknown> & { dn: string };

/** Message of the 503 answer when no LDAP server can be reached. */
export const DIRECTORY_UNAVAILABLE =
  'The directory is unavailable; try again later';

const DEFAULT_KEY: Record<LdapVendor, string> = {
  openldap: 'entryUUID',
  activedirectory: 'objectGUID',
};

const DEFAULT_USERNAME: Record<LdapVendor, string> = {
  openldap: 'uid',
  activedirectory: 'sAMAccountName',
};

function fill(template: string, value: string): string {
  return template.split(PLACEHOLDER).join(value);
}

function firstValue(value: unknown): string | Buffer | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' || Buffer.isBuffer(first)
    ? first
    : undefined;
}

function attribute(
  entry: Record<string, unknown>,
  name: string,
): string | Buffer | undefined {
  const lower = name.toLowerCase();
  for (const key of Object.keys(entry)) {
    if (key.toLowerCase() === lower) {
      return firstValue(entry[key]);
    }
  }
  return undefined;
}

function text(value: string | Buffer | undefined): string | undefined {
  if (value === undefined) return undefined;
  const string = Buffer.isBuffer(value) ? value.toString('utf8') : value;
  return string.length > 0 ? string : undefined;
}

/**
 * Checks credentials against one configured directory (one environment):
 * search-then-bind with the service account or direct bind, with failover,
 * TLS and timeouts from `@identity-portal/ldap-node`. One connection per
 * check, closed afterwards.
 */
export class LdapDirectory {
  private vendor?: LdapVendor;
  private readonly caPem?: string;
  private readonly dummyDn: string;

  constructor(
    private readonly config: LdapAuthConfig,
    private readonly logger: LoggerService,
    private readonly createClient: CreateLdapClient = createLdaptsClient,
  ) {
    const ca = config.tls.ca;
    if (ca) {
      this.caPem = 'pem' in ca ? ca.pem : readFileSync(ca.file, 'utf8');
    }
    if (config.vendor !== 'auto') {
      this.vendor = config.vendor;
    }
    // A DN that does not exist: binding to it costs the server about as
    // much as a wrong password, so an unknown user answers in similar time.
    this.dummyDn = `cn=ldap-auth-${randomBytes(8).toString('hex')},${
      config.users.baseDn ?? 'dc=invalid'
    }`;
  }

  private async open(
    bind: { dn: string; password: string } | undefined,
    asUser = false,
  ) {
    try {
      return await connect({
        urls: this.config.urls,
        bind,
        tls: this.config.tls,
        caPem: this.caPem,
        connectTimeoutMs: this.config.timeouts.connectMs,
        operationTimeoutMs: this.config.timeouts.operationMs,
        createClient: this.createClient,
        signal: AbortSignal.timeout(
          (this.config.timeouts.connectMs + this.config.timeouts.operationMs) *
            this.config.urls.length,
        ),
        problems: {
          warning: (_code, message) => this.logger.warn(message),
        },
      });
    } catch (error) {
      if (asUser && isInvalidCredentials(error)) {
        throw error;
      }
      this.logger.error(
        `LDAP sign-in (${this.config.configPath}): ${describeError(error)}`,
      );
      throw new ServiceUnavailableError(DIRECTORY_UNAVAILABLE);
    }
  }

  private async vendorOf(client: LdapClient): Promise<LdapVendor> {
    if (!this.vendor) {
      this.vendor = await detectVendor(client);
    }
    return this.vendor;
  }

  private async keyAttribute(client: LdapClient): Promise<string> {
    return (
      this.config.users.attributes.key ??
      DEFAULT_KEY[await this.vendorOf(client)]
    );
  }

  private async usernameAttribute(client: LdapClient): Promise<string> {
    return (
      this.config.users.attributes.username ??
      DEFAULT_USERNAME[await this.vendorOf(client)]
    );
  }

  private async disabledFilter(client: LdapClient) {
    if (this.config.users.disabledFilter) {
      return this.config.users.disabledFilter;
    }
    return (await this.vendorOf(client)) === 'activedirectory'
      ? AD_DISABLED_FILTER
      : undefined;
  }

  /** The filter finding `username`, minus disabled accounts. */
  private async userFilter(client: LdapClient, username: string) {
    return composeUserFilter({
      filter: fill(this.config.users.filter!, escapeFilterValue(username)),
      disabledFilter: await this.disabledFilter(client),
      includeDisabled: false,
    });
  }

  private async readEntries(
    client: LdapClient,
    base: string,
    scope: 'base' | 'one' | 'sub',
    filter: string,
  ): Promise<LdapEntry[]> {
    const key = await this.keyAttribute(client);
    const { searchEntries } = await client.search(base, {
      scope,
      filter,
      sizeLimit: 2,
      attributes: [
        key,
        await this.usernameAttribute(client),
        this.config.users.attributes.email,
        this.config.users.attributes.displayName,
      ],
      explicitBufferAttributes: key.toLowerCase() === 'objectguid' ? [key] : [],
    });
    return searchEntries as any;
  }

  private async toResult(
    client: LdapClient,
    username: string,
    entry: LdapEntry,
  ): Promise<LdapAuthResult | undefined> {
    const key = await this.keyAttribute(client);
    const raw = attribute(entry, key);
    const uuid =
      Buffer.isBuffer(raw) && key.toLowerCase() === 'objectguid'
        ? formatGuid(raw)
        : text(raw);
    if (!uuid) {
      this.logger.warn(
        `LDAP sign-in (${this.config.configPath}): entry ${entry.dn} has no ${key}; refused`,
      );
      return undefined;
    }
    return {
      // The directory's spelling (e.g. `ZHoffmann` typed, `zhoffmann` stored).
      username:
        text(attribute(entry, await this.usernameAttribute(client))) ??
        username,
      dn: entry.dn,
      uuid,
      profile: {
        email: text(attribute(entry, this.config.users.attributes.email)),
        displayName: text(
          attribute(entry, this.config.users.attributes.displayName),
        ),
      },
    };
  }

  /**
   * Checks a username and password. Resolves `{ ok: false }` for every kind
   * of refusal (unknown, ambiguous or disabled user, wrong password) and
   * throws `ServiceUnavailableError` when no server answers.
   */
  async check(username: string, password: string): Promise<LdapCheckOutcome> {
    return this.config.dnTemplate
      ? this.directBind(username, password)
      : this.searchThenBind(username, password);
  }

  private async searchThenBind(
    username: string,
    password: string,
  ): Promise<LdapCheckOutcome> {
    const { client } = await this.open(this.config.bind);
    try {
      let entries: LdapEntry[];
      try {
        entries = await this.readEntries(
          client,
          this.config.users.baseDn!,
          this.config.users.scope,
          await this.userFilter(client, username),
        );
      } catch (error) {
        if (!(error instanceof SizeLimitExceededError)) {
          this.logger.error(
            `LDAP sign-in (${
              this.config.configPath
            }): user search failed: ${describeError(error)}`,
          );
          throw new ServiceUnavailableError(DIRECTORY_UNAVAILABLE);
        }
        entries = []; // more than one hit: refused like an unknown user
      }
      const entry = entries.length === 1 ? entries[0] : undefined;
      const accepted = await this.userBind(
        client,
        entry?.dn ?? this.dummyDn,
        password,
      );
      if (!entry || !accepted) {
        return { ok: false };
      }
      const result = await this.toResult(client, username, entry);
      return result ? { ok: true, result } : { ok: false };
    } finally {
      await client.unbind().catch(() => {});
    }
  }

  /** Binds on an open connection; false when the directory refuses. */
  private async userBind(
    client: LdapClient,
    dn: string,
    password: string,
  ): Promise<boolean> {
    try {
      await client.bind(dn, password);
      return true;
    } catch (error) {
      if (isRefusal(error)) {
        return false;
      }
      this.logger.error(
        `LDAP sign-in (${this.config.configPath}): bind failed: ${describeError(
          error,
        )}`,
      );
      throw new ServiceUnavailableError(DIRECTORY_UNAVAILABLE);
    }
  }

  private async directBind(
    username: string,
    password: string,
  ): Promise<LdapCheckOutcome> {
    const bindDn = fill(this.config.dnTemplate!, escapeDnValue(username));
    let client: LdapClient;
    try {
      ({ client } = await this.open({ dn: bindDn, password }, true));
    } catch (error) {
      if (isInvalidCredentials(error) || isRefusal(error)) {
        return { ok: false };
      }
      throw error;
    }
    try {
      const entries = this.config.users.filter
        ? await this.readEntries(
            client,
            this.config.users.baseDn!,
            this.config.users.scope,
            await this.userFilter(client, username),
          )
        : await this.readEntries(
            client,
            bindDn,
            'base',
            composeUserFilter({
              filter: '(objectClass=*)',
              disabledFilter: await this.disabledFilter(client),
              includeDisabled: false,
            }),
          );
      if (entries.length !== 1) {
        return { ok: false };
      }
      const result = await this.toResult(client, username, entries[0]);
      return result ? { ok: true, result } : { ok: false };
    } catch (error) {
      if (isRefusal(error)) {
        return { ok: false };
      }
      throw new ServiceUnavailableError(DIRECTORY_UNAVAILABLE);
    } finally {
      await client.unbind().catch(() => {});
    }
  }

  /**
   * True when the user signed in before still exists, is not disabled and
   * has the same key. Uses the service account (anonymous without one).
   */
  async stillActive(previous: LdapAuthResult): Promise<boolean> {
    const { client } = await this.open(this.config.bind);
    try {
      // By DN, so that it works whatever the username attribute is; the key
      // must still be the same (a re-created account is another person).
      const entries = await this.readEntries(
        client,
        previous.dn,
        'base',
        composeUserFilter({
          filter: '(objectClass=*)',
          disabledFilter: await this.disabledFilter(client),
          includeDisabled: false,
        }),
      );
      if (entries.length !== 1) {
        return false;
      }
      const current = await this.toResult(
        client,
        previous.username,
        entries[0],
      );
      return current?.uuid === previous.uuid;
    } catch (error) {
      if (isRefusal(error)) {
        // e.g. noSuchObject for a removed entry
        return false;
      }
      throw new ServiceUnavailableError(DIRECTORY_UNAVAILABLE);
    } finally {
      await client.unbind().catch(() => {});
    }
  }
}
