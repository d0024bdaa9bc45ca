import {
  ApiBlueprint,
  createApiRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { GroupPolicyApi, GroupPolicyClient } from './GroupPolicyClient';

export const groupPolicyApiRef = createApiRef<GroupPolicyApi>().with({
  id: 'plugin.my-access.group-policy',
  pluginId: 'my-access',
});

export const groupPolicyApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: groupPolicyApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new GroupPolicyClient({ discoveryApi, fetchApi }),
    }),
});
