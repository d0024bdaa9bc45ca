import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading integration health (`/api/scm-integrations/health`). The same permission as
 * `scmIntegrationsHealthReadPermission` of `@identity-portal/plugin-scm-integrations-node`, declared here
 * because that package is a backend library the frontend bundle cannot import.
 */
export const scmIntegrationsHealthReadPermission = createPermission({
  name: 'scm-integrations.health.read',
  attributes: {},
});
