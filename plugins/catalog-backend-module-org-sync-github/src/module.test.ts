import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  OrgSourceFactory,
  orgSyncSourcesExtensionPoint,
} from '@identity-portal/plugin-catalog-org-sync-node';
import { GithubOrgSource } from './GithubOrgSource';
import { catalogModuleOrgSyncGithub } from './module';

describe('catalogModuleOrgSyncGithub', () => {
  it('adds the github source type, with credentials from integrations.github', async () => {
    const factories: OrgSourceFactory[] = [];
    await startTestBackend({
      extensionPoints: [
        [
          orgSyncSourcesExtensionPoint,
          { addSourceFactory: (f: OrgSourceFactory) => factories.push(f) },
        ],
      ],
      features: [
        catalogModuleOrgSyncGithub,
        mockServices.rootConfig.factory({
          data: {
            integrations: { github: [{ host: 'github.com', token: 't' }] },
          },
        }),
      ],
    });
    expect(factories.map(f => f.type)).toEqual(['github']);
    const create = (orgs: string[]) =>
      factories[0].create({
        providerId: 'corp',
        sourceId: 'main',
        config: new ConfigReader({ orgs }),
        configPath: 'catalog.providers.orgSync.corp.sources.github.main',
        logger: mockServices.logger.mock(),
      });
    const source = create(['acme']);
    expect(source).toBeInstanceOf(GithubOrgSource);
    expect(source).toMatchObject({ type: 'github', id: 'main' });
    expect(() => create([])).toThrow(
      'catalog.providers.orgSync.corp.sources.github.main.orgs must list at least one organization login',
    );
  });

  it('gets credentials from the SCM credentials broker, which validates integrations at start-up', async () => {
    await expect(
      startTestBackend({
        extensionPoints: [
          [orgSyncSourcesExtensionPoint, { addSourceFactory: () => {} }],
        ],
        features: [
          catalogModuleOrgSyncGithub,
          mockServices.rootConfig.factory({
            data: {
              integrations: {
                github: [{ host: 'github.com', apps: [{ appId: 'x' }] }],
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      "integrations.github[0].apps[0].appId: must be a number (the App ID from the GitHub App's settings page), got 'x'",
    );
  });
});
