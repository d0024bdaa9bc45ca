/*
 * Contender "ours": the org sync engine with the GitLab source, started in a
 * test backend as the portal starts them, one sync through the provider's
 * refresh() against the stand-in. Timed from just before refresh() until the
 * full mutation reached applyMutation. Started by the benchmark with its
 * parameters in GITLAB_ORG_BENCH_PARAMS; prints one result line.
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  catalogProcessingExtensionPoint,
  type EntityProvider,
  type EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { catalogModuleOrgSync } from '@identity-portal/plugin-catalog-backend-module-org-sync';
import { catalogModuleOrgSyncGitlab } from '@identity-portal/plugin-catalog-backend-module-org-sync-gitlab';
import knexFactory from 'knex';
import { OursParams, OursResult, PARAMS_ENV, RESULT_PREFIX } from './protocol';

async function run(params: OursParams): Promise<OursResult> {
  const host = new URL(params.standinUrl).host;
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const providers: EntityProvider[] = [];
  const backend = await startTestBackend({
    extensionPoints: [
      [
        catalogProcessingExtensionPoint,
        {
          addEntityProvider: (
            ...added: Array<EntityProvider | EntityProvider[]>
          ) => providers.push(...added.flat()),
          addProcessor: () => {},
          addPlaceholderResolver: () => {},
          setOnProcessingErrorHandler: () => {},
        },
      ],
    ],
    features: [
      catalogModuleOrgSync,
      catalogModuleOrgSyncGitlab,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          integrations: {
            gitlab: [
              {
                host,
                apiBaseUrl: `${params.standinUrl}/api/v4`,
                baseUrl: params.standinUrl,
                token: params.token,
              },
            ],
          },
          catalog: {
            providers: {
              orgSync: {
                bench: {
                  schedule: {
                    frequency: { hours: 24 },
                    timeout: { minutes: 30 },
                    initialDelay: { hours: 24 },
                  },
                  sources: {
                    gitlab: {
                      main: {
                        host,
                        group: params.group,
                        concurrency: params.concurrency,
                      },
                    },
                  },
                },
              },
            },
          },
        },
      }),
    ],
  });
  try {
    const provider = providers.find(
      p => p.getProviderName() === 'org-sync:bench',
    );
    if (!provider) throw new Error('org-sync:bench was not registered');
    let mutation: EntityProviderMutation | undefined;
    await provider.connect({
      applyMutation: async m => {
        mutation = m;
      },
      refresh: async () => {},
    });
    const start = performance.now();
    const report = await (
      provider as unknown as { refresh(): Promise<any> }
    ).refresh();
    const wallMs = performance.now() - start;
    return {
      ok: report.outcome === 'committed',
      ...(report.outcome === 'committed'
        ? {}
        : { error: `${report.outcome}: ${report.reason}` }),
      wallMs,
      readMs: report.sources?.[0]?.durationMs,
      peakRssMB: process.resourceUsage().maxRSS / 1024,
      outcome: report.outcome,
      read: report.counts.read,
      committed: report.counts.committed,
      problems: report.problems.length,
      entities: mutation?.type === 'full' ? mutation.entities.length : 0,
    };
  } finally {
    await backend.stop();
    await knex.destroy();
  }
}

run(JSON.parse(process.env[PARAMS_ENV] ?? '{}'))
  .catch(error => ({ ok: false, error: String(error?.stack ?? error) }))
  .then(result => {
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
    process.exit(0);
  });
