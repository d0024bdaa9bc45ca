import { accessSync, constants } from 'node:fs';
import { InputError } from '@backstage/errors';
import type { OrgSourceFactory } from '@identity-portal/plugin-catalog-org-sync-node';
import { readLdapSourceConfig } from './config/readLdapSourceConfig';
import { LdapOrgSource } from './LdapOrgSource';
import {
  LdapGroupTransformer,
  LdapTransformerSetting,
  LdapUserTransformer,
  selectTransformer,
} from './transforms';

/**
 * Options of {@link createLdapOrgSourceFactory}.
 *
 * @public
 */
export interface LdapOrgSourceFactoryOptions {
  /** Applied to every user entry (or per source id). */
  userTransformer?: LdapTransformerSetting<LdapUserTransformer>;
  /** Applied to every group entry (or per source id). */
  groupTransformer?: LdapTransformerSetting<LdapGroupTransformer>;
}

/**
 * The `ldap` source type of the org sync engine. The backend module
 * registers it; code (tests, benchmarks) can build sources without a backend:
 *
 * ```ts
 * const source = createLdapOrgSourceFactory().create({
 *   providerId: 'corp', sourceId: 'main',
 *   config: new ConfigReader({...}), configPath: '...', logger,
 * });
 * const result = await source.read({ signal: AbortSignal.timeout(60_000) });
 * ```
 *
 * `create` validates the config (an `InputError` naming the full key) and
 * checks that a configured CA bundle file is readable; it does not contact
 * the directory.
 *
 * @public
 */
export function createLdapOrgSourceFactory(
  options: LdapOrgSourceFactoryOptions = {},
): OrgSourceFactory {
  return {
    type: 'ldap',
    create({ providerId, sourceId, config, configPath, logger }) {
      const sourceConfig = readLdapSourceConfig(config, configPath);
      const ca = sourceConfig.tls.ca;
      if (ca && 'file' in ca) {
        try {
          accessSync(ca.file, constants.R_OK);
        } catch (error) {
          throw new InputError(
            `${configPath}.tls.ca: cannot read the CA bundle file ${ca.file} (${
              (error as NodeJS.ErrnoException).code ?? error
            }); give a readable PEM file or the PEM text itself`,
          );
        }
      }
      return new LdapOrgSource({
        providerId,
        sourceId,
        config: sourceConfig,
        configPath,
        logger,
        userTransformer: selectTransformer(
          options.userTransformer,
          providerId,
          sourceId,
        ),
        groupTransformer: selectTransformer(
          options.groupTransformer,
          providerId,
          sourceId,
        ),
      });
    },
  };
}
