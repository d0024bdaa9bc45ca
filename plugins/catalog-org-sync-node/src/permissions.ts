import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read sync status and run dry runs of the org sync engine.
 *
 * @public
 */
export const orgSyncReadPermission = createPermission({
  name: 'catalog.org-sync.read',
  attributes: { action: 'read' },
});

/**
 * Trigger syncs and release orphaned providers of the org sync engine.
 *
 * @public
 */
export const orgSyncManagePermission = createPermission({
  name: 'catalog.org-sync.manage',
  attributes: { action: 'update' },
});

/**
 * Every permission of the org sync engine.
 *
 * @public
 */
export const orgSyncPermissions = [
  orgSyncReadPermission,
  orgSyncManagePermission,
];
