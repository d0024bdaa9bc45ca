import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type {
  OrgSource,
  OrgSourceFactory,
} from '@identity-portal/plugin-catalog-org-sync-node';
import type { OrgSyncProviderConfig } from './readOrgSyncConfig';

/**
 * Builds a provider's sources with the installed source modules. Fails
 * start-up, naming the key, for a source type no installed module provides.
 */
export function createSources(
  config: OrgSyncProviderConfig,
  factories: Map<string, OrgSourceFactory>,
  logger: LoggerService,
): OrgSource[] {
  return config.sources.map(source => {
    const factory = factories.get(source.type);
    if (!factory) {
      const installed = [...factories.keys()];
      throw new InputError(
        `Invalid config at ${
          source.configPath
        }: no org sync source module for type '${
          source.type
        }' is installed (installed: ${
          installed.length ? installed.join(', ') : 'none'
        }); add e.g. @identity-portal/plugin-catalog-backend-module-org-sync-${
          source.type
        } to the backend`,
      );
    }
    return factory.create({
      providerId: config.id,
      sourceId: source.id,
      config: source.config,
      configPath: source.configPath,
      logger: logger.child({
        orgSyncProvider: config.id,
        orgSyncSource: `${source.type}.${source.id}`,
      }),
    });
  });
}
