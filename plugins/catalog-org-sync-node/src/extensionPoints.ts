import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { OrgSourceFactory } from './types';

/**
 * Lets a backend module add a type of org data source to the org sync engine.
 *
 * @public
 */
export interface OrgSyncSourcesExtensionPoint {
  /** Adds a source type; each type may be added once. */
  addSourceFactory(factory: OrgSourceFactory): void;
}

/**
 * The extension point through which source modules (LDAP, GitHub, GitLab)
 * plug into the org sync engine.
 *
 * @public
 */
export const orgSyncSourcesExtensionPoint =
  createExtensionPoint<OrgSyncSourcesExtensionPoint>({
    id: 'catalog.orgSync.sources',
  });
