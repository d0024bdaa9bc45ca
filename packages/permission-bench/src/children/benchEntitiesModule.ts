import { createBackendModule } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';

export const BENCH_LOCATION = 'bench:permission-bench';

/**
 * A catalog module whose entity provider applies the given entities as one
 * full mutation when the catalog connects it: the synthetic org goes
 * through the catalog's real processing and stitching.
 */
export function benchEntitiesModule(entities: readonly Entity[]) {
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'permission-bench-entities',
    register(reg) {
      reg.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.addEntityProvider({
            getProviderName: () => 'permission-bench',
            async connect(connection) {
              await connection.applyMutation({
                type: 'full',
                entities: entities.map(entity => ({
                  locationKey: BENCH_LOCATION,
                  entity: {
                    ...entity,
                    metadata: {
                      ...entity.metadata,
                      annotations: {
                        ...entity.metadata.annotations,
                        'backstage.io/managed-by-location': BENCH_LOCATION,
                        'backstage.io/managed-by-origin-location':
                          BENCH_LOCATION,
                      },
                    },
                  },
                })),
              });
            },
          });
        },
      });
    },
  });
}
