import {
  ApiBlueprint,
  createApiRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  ScmIntegrationsApi,
  ScmIntegrationsClient,
} from './ScmIntegrationsClient';

export const scmIntegrationsApiRef = createApiRef<ScmIntegrationsApi>().with({
  id: 'plugin.scm-integrations.health',
  pluginId: 'scm-integrations',
});

export const scmIntegrationsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: scmIntegrationsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ScmIntegrationsClient({ discoveryApi, fetchApi }),
    }),
});
