import type { Config } from '@backstage/config';
import { NotFoundError } from '@backstage/errors';
import type {
  ActForUserPolicy,
  ScmHost,
} from '@identity-portal/plugin-scm-integrations-common';
import { listIntegrationHosts } from '../health/integrationHosts';
import type { UserTokenSource } from '../config/readUserTokenSources';

/** A configured host with where its API is; stays on the server. */
export interface DirectoryEntry extends ScmHost {
  apiBaseUrl?: string;
}

/**
 * The hosts written under `integrations:` (not `@backstage/integration`'s
 * implicit github.com and gitlab.com), looked up by the name a request gives.
 */
export class HostDirectory {
  static fromConfig(
    config: Config,
    options: {
      actForUser: (host: string) => ActForUserPolicy;
      userTokenSources: UserTokenSource[];
    },
  ): HostDirectory {
    return new HostDirectory(
      listIntegrationHosts(config, []).map(entry => ({
        integrationType: entry.integrationType,
        host: entry.host,
        apiBaseUrl: entry.apiBaseUrl,
        actForUser: options.actForUser(entry.host),
        userTokenProvider: options.userTokenSources.find(
          source =>
            source.integrationType === entry.integrationType &&
            source.host === entry.host.toLowerCase(),
        )?.provider,
      })),
    );
  }

  private constructor(private readonly entries: DirectoryEntry[]) {}

  /** Every host, without its API URL or credentials. */
  list(): ScmHost[] {
    return this.entries.map(({ apiBaseUrl: _, ...entry }) => entry);
  }

  /** The configured host of that name; a `NotFoundError` naming the configured hosts otherwise. */
  find(host: string): DirectoryEntry {
    const wanted = host.trim().toLowerCase();
    const entry = this.entries.find(e => e.host.toLowerCase() === wanted);
    if (!entry) {
      throw new NotFoundError(
        `No SCM integration for host '${host}'; configured hosts: ${
          this.entries.map(e => e.host).join(', ') || 'none'
        }`,
      );
    }
    return entry;
  }
}
