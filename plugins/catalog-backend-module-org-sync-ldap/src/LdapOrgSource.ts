import { readFile } from 'node:fs/promises';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { ForwardedError } from '@backstage/errors';
import type {
  OrgSource,
  OrgSourceReadResult,
} from '@identity-portal/plugin-catalog-org-sync-node';
import type { LdapSourceConfig } from './config/types';
import {
  CreateLdapClient,
  createLdaptsClient,
} from '@identity-portal/ldap-node';
import { readDirectory } from './read/readDirectory';
import type { LdapGroupTransformer, LdapUserTransformer } from './transforms';

/** What an {@link LdapOrgSource} is made of. */
export interface LdapOrgSourceOptions {
  providerId: string;
  sourceId: string;
  config: LdapSourceConfig;
  /** The config path of the source block, for messages. */
  configPath: string;
  logger: LoggerService;
  userTransformer?: LdapUserTransformer;
  groupTransformer?: LdapGroupTransformer;
  /** Replaces the ldapts client (tests). */
  createClient?: CreateLdapClient;
}

/** One configured LDAP / Active Directory source. */
export class LdapOrgSource implements OrgSource {
  readonly type = 'ldap';
  readonly id: string;

  constructor(private readonly options: LdapOrgSourceOptions) {
    this.id = options.sourceId;
  }

  /** The CA bundle, read on every sync so that a renewed bundle is used. */
  private async loadCa(): Promise<string | undefined> {
    const ca = this.options.config.tls.ca;
    if (!ca) {
      return undefined;
    }
    if ('pem' in ca) {
      return ca.pem;
    }
    try {
      return await readFile(ca.file, 'utf8');
    } catch (error) {
      throw new ForwardedError(
        `Could not read the CA bundle ${ca.file} (${this.options.configPath}.tls.ca)`,
        error,
      );
    }
  }

  async read(options: { signal: AbortSignal }): Promise<OrgSourceReadResult> {
    return readDirectory({
      config: this.options.config,
      caPem: await this.loadCa(),
      createClient: this.options.createClient ?? createLdaptsClient,
      userTransformer: this.options.userTransformer,
      groupTransformer: this.options.groupTransformer,
      providerId: this.options.providerId,
      sourceId: this.options.sourceId,
      logger: this.options.logger,
      signal: options.signal,
    });
  }
}
