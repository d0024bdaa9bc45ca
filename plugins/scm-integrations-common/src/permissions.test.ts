import { isResourcePermission } from '@backstage/plugin-permission-common';
import { scmIntegrationsHealthReadPermission } from './permissions';

describe('scmIntegrationsHealthReadPermission', () => {
  it('is a basic permission that rules granting every read do not match', () => {
    expect(scmIntegrationsHealthReadPermission.name).toBe(
      'scm-integrations.health.read',
    );
    expect(isResourcePermission(scmIntegrationsHealthReadPermission)).toBe(
      false,
    );
    expect(scmIntegrationsHealthReadPermission.attributes.action).toBe(
      undefined,
    );
  });
});
