import {
  ApiBlueprint,
  createApiRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { GroupPolicyApi, GroupPolicyClient } from './GroupPolicyClient';
import { ScmAccountsApi, ScmAccountsClient } from './ScmAccountsClient';

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

export const scmAccountsApiRef = createApiRef<ScmAccountsApi>().with({
  id: 'plugin.my-access.scm-accounts',
  pluginId: 'my-access',
});

export const scmAccountsApi = ApiBlueprint.make({
  name: 'scm-accounts',
  params: defineParams =>
    defineParams({
      api: scmAccountsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ScmAccountsClient({ discoveryApi, fetchApi }),
    }),
});
