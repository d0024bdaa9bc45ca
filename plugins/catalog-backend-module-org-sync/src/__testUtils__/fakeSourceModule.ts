import type { OrgSourceReadResult } from '@identity-portal/plugin-catalog-org-sync-node';
import { createTestSourceModule } from '../testUtils/sourceModule';

/**
 * A source module of type `fake` whose reads return what the test puts in
 * `answers` (or throw what it puts there), by source id.
 */
export function createFakeSourceModule(
  answers: Map<string, OrgSourceReadResult | Error>,
) {
  return createTestSourceModule('org-sync-fake', () => ({
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
  }));
}
