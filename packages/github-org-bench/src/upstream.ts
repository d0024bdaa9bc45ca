import type { ExtensionPoint } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
// The contender is a devDependency on purpose: nothing depends on the bench at runtime.
// eslint-disable-next-line @backstage/no-undeclared-imports
import catalogModuleGithubOrg from '@backstage/plugin-catalog-backend-module-github-org';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import type { RunningStandin } from '@internal/scm-standins';
import { DEMO_TOKEN, ORG } from './ours';
import type { ContenderResult } from './report';

/**
 * One read of upstream's `GithubMultiOrgEntityProvider`, installed the way a
 * backend installs it (the `github-org` catalog module, config
 * `catalog.providers.githubOrg`) and with its defaults. The schedule's
 * initial delay keeps the scheduler away; the timed `read()` is called here.
 */
export async function runUpstream(
  standin: RunningStandin,
): Promise<ContenderResult> {
  const host = new URL(standin.url).host;
  const providers: EntityProvider[] = [];
  const catalogProcessing = {
    addEntityProvider(...added: Array<EntityProvider | EntityProvider[]>) {
      providers.push(...added.flat());
    },
    addProcessor() {},
    addPlaceholderResolver() {},
    setOnProcessingErrorHandler() {},
  };
  const backend = await startTestBackend({
    extensionPoints: [
      [
        catalogProcessingExtensionPoint as ExtensionPoint<
          typeof catalogProcessing
        >,
        catalogProcessing,
      ],
    ],
    features: [
      catalogModuleGithubOrg,
      mockServices.rootLogger.factory({ level: 'warn' }),
      mockServices.rootConfig.factory({
        data: {
          integrations: {
            github: [
              { host, apiBaseUrl: `${standin.url}/api/v3`, token: DEMO_TOKEN },
            ],
          },
          catalog: {
            providers: {
              githubOrg: [
                {
                  id: 'bench',
                  githubUrl: standin.url,
                  orgs: [ORG],
                  schedule: {
                    frequency: { hours: 24 },
                    timeout: { hours: 3 },
                    initialDelay: { hours: 24 },
                  },
                },
              ],
            },
          },
        },
      }),
    ],
  });
  try {
    const provider = providers.find(
      p => p.getProviderName() === 'GithubMultiOrgEntityProvider:bench',
    ) as (EntityProvider & { read(): Promise<void> }) | undefined;
    if (!provider) {
      throw new Error(
        'the github-org module added no GithubMultiOrgEntityProvider:bench',
      );
    }
    const mutations: EntityProviderMutation[] = [];
    await provider.connect({
      applyMutation: async m => {
        mutations.push(m);
      },
      refresh: async () => {},
    });
    standin.requests.reset();
    const started = performance.now();
    await provider.read();
    const wallMs = performance.now() - started;
    const last = mutations.at(-1);
    const entities: Entity[] =
      last?.type === 'full' ? last.entities.map(e => e.entity) : [];
    const groups = entities.filter(e => e.kind === 'Group');
    return {
      contender: 'upstream',
      ok: entities.length > 0,
      wallMs,
      requests: standin.requests.count(),
      users: entities.filter(e => e.kind === 'User').length,
      groups: groups.length,
      memberships: groups.reduce(
        (n, g) => n + ((g.spec?.members as string[] | undefined)?.length ?? 0),
        0,
      ),
    };
  } finally {
    await backend.stop();
  }
}
