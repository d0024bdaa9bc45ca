/**
 * Types and extension points shared by the org sync engine
 * (`@identity-portal/plugin-catalog-backend-module-org-sync`) and its source
 * modules.
 *
 * @packageDocumentation
 */

export type {
  OrgSource,
  OrgSourceFactory,
  OrgSourceFields,
  OrgSourceGroup,
  OrgSourceProblem,
  OrgSourceReadResult,
  OrgSourceUser,
} from './types';
export { orgSyncSourcesExtensionPoint } from './extensionPoints';
export type { OrgSyncSourcesExtensionPoint } from './extensionPoints';
export {
  orgSyncManagePermission,
  orgSyncPermissions,
  orgSyncReadPermission,
} from './permissions';
