import { createPermission } from '@backstage/plugin-permission-common';

/**
 * See the health of every integration credential (`/api/scm-integrations`).
 * A basic permission without an `action` attribute, so that rules granting
 * every `read` do not grant it.
 *
 * @public
 */
export const scmIntegrationsHealthReadPermission = createPermission({
  name: 'scm-integrations.health.read',
  attributes: {},
});
