import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  orgSyncSourcesExtensionPoint,
  type OrgSourceReadResult,
} from '@identity-portal/plugin-catalog-org-sync-node';

/**
 * A source module of type `fake` whose reads return what the test puts in
 * `answers` (or throw what it puts there), by source id.
 */
export function createFakeSourceModule(
  answers: Map<string, OrgSourceReadResult | Error>,
) {
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'org-sync-fake',
    register(env) {
      env.registerInit({
        deps: { sources: orgSyncSourcesExtensionPoint },
        async init({ sources }) {
          sources.addSourceFactory({
            type: 'fake',
            create: ({ sourceId }) => ({
              type: 'fake',
              id: sourceId,
              async read() {
                const answer = answers.get(sourceId);
                if (!answer) throw new Error(`no answer for ${sourceId}`);
                if (answer instanceof Error) throw answer;
                return answer;
              },
            }),
          });
        },
      });
    },
  });
}
