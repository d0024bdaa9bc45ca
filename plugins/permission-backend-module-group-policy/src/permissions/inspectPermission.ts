import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Lets a principal ask the explain routes about other users, ask who can do
 * something, read the org snapshot and trigger a graph refresh. Everyone may
 * always ask about themselves.
 */
export const groupPolicyInspectPermission = createPermission({
  name: 'permission.group-policy.inspect',
  attributes: {},
});
