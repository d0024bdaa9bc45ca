import type {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import type { LogLine } from './recordingLogger';

/**
 * What a test observes of a backend, kept across backend restarts: every
 * mutation handed to `applyMutation` and every log line.
 *
 * @public
 */
export type OrgSyncRecorder = {
  mutations: EntityProviderMutation[];
  logs: LogLine[];
};

/**
 * An empty recorder.
 *
 * @public
 */
export function createRecorder(): OrgSyncRecorder {
  return { mutations: [], logs: [] };
}

/**
 * An entity provider connection that records every mutation into `mutations`.
 *
 * @public
 */
export function recordingConnection(
  mutations: EntityProviderMutation[],
): EntityProviderConnection {
  return {
    applyMutation: async mutation => {
      mutations.push(mutation);
    },
    refresh: async () => {},
  };
}

type Entity = Extract<
  EntityProviderMutation,
  { type: 'full' }
>['entities'][number]['entity'];

function entitiesOf(mutation: EntityProviderMutation | undefined): Entity[] {
  if (!mutation || mutation.type !== 'full') {
    throw new Error(`expected a full mutation, got ${mutation?.type}`);
  }
  return mutation.entities.map(e => e.entity);
}

const refOf = (entity: Entity) =>
  `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`.toLowerCase();

/**
 * The sorted lower-case entity refs of a full mutation.
 *
 * @public
 */
export function refsOf(mutation: EntityProviderMutation | undefined): string[] {
  return entitiesOf(mutation).map(refOf).sort();
}

/**
 * The entity with the lower-case `ref` in a full mutation.
 *
 * @public
 */
export function entityOf(
  mutation: EntityProviderMutation | undefined,
  ref: string,
): Entity | undefined {
  return entitiesOf(mutation).find(e => refOf(e) === ref);
}

/**
 * Expects every ref of `baseline` to be in the last recorded full mutation.
 *
 * @public
 */
export function expectNothingLost(
  recorder: Pick<OrgSyncRecorder, 'mutations'>,
  baseline: string[],
) {
  const last = refsOf(recorder.mutations.at(-1));
  expect(baseline.filter(ref => !last.includes(ref))).toEqual([]);
}
