import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  OrgSourceFactory,
  OrgSyncSourcesExtensionPoint,
  orgSyncSourcesExtensionPoint,
} from '@identity-portal/plugin-catalog-org-sync-node';
import { catalogModuleOrgSyncGitlab } from './module';
import { GitlabOrgSource } from './GitlabOrgSource';

const PATH = 'catalog.providers.orgSync.corp.sources.gitlab.main';

async function factoryWith(integrations: object): Promise<OrgSourceFactory> {
  const factories: OrgSourceFactory[] = [];
  const impl: OrgSyncSourcesExtensionPoint = {
    addSourceFactory: factory => {
      factories.push(factory);
    },
  };
  await startTestBackend({
    extensionPoints: [[orgSyncSourcesExtensionPoint, impl]],
    features: [
      catalogModuleOrgSyncGitlab,
      mockServices.rootConfig.factory({ data: { integrations } }),
    ],
  });
  expect(factories.map(f => f.type)).toEqual(['gitlab']);
  return factories[0];
}

const create = (factory: OrgSourceFactory, config: object) =>
  factory.create({
    providerId: 'corp',
    sourceId: 'main',
    config: new ConfigReader(config as any),
    configPath: PATH,
    logger: mockServices.logger.mock(),
  });

describe('catalogModuleOrgSyncGitlab', () => {
  it('adds the gitlab source type, using the integration of the host', async () => {
    const factory = await factoryWith({
      gitlab: [
        {
          host: 'gitlab.example.com',
          apiBaseUrl: 'https://gitlab.example.com/api/v4',
          token: 'gl-test-secret',
        },
      ],
    });
    const source = create(factory, {
      host: 'gitlab.example.com',
      group: 'acme',
    });
    expect(source).toBeInstanceOf(GitlabOrgSource);
    expect(source).toMatchObject({ type: 'gitlab', id: 'main' });
  });

  it('fails creation naming the key when no integration has the host', async () => {
    const factory = await factoryWith({ gitlab: [] });
    expect(() =>
      create(factory, { host: 'gitlab.example.org', group: 'acme' }),
    ).toThrow(
      `${PATH}.host: no integrations.gitlab entry has host 'gitlab.example.org'`,
    );
  });

  it('fails creation when the integration has no token', async () => {
    // gitlab.com has a built-in integration without a token.
    const factory = await factoryWith({});
    expect(() =>
      create(factory, { host: 'gitlab.com', group: 'acme' }),
    ).toThrow(
      `${PATH}.host: the integrations.gitlab entry for 'gitlab.com' has no token`,
    );
  });

  it('fails creation with the invalid key', async () => {
    const factory = await factoryWith({});
    expect(() => create(factory, { host: 'gitlab.com' })).toThrow(
      `${PATH}.group is required`,
    );
  });

  it('gets its token from the SCM credentials broker, which validates integrations at start-up', async () => {
    await expect(
      factoryWith({
        gitlab: [
          {
            host: 'gitlab.example.com',
            apiBaseUrl: 'https://gitlab.example.com/api',
            token: 'gl-test-secret',
          },
        ],
      }),
    ).rejects.toThrow(
      "integrations.gitlab[0].apiBaseUrl: must end in /api/v4 (e.g. https://gitlab.example.com/api/v4), got 'https://gitlab.example.com/api'",
    );
  });
});
