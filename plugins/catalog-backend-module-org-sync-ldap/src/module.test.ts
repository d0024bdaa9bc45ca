import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  OrgSourceFactory,
  OrgSyncSourcesExtensionPoint,
  orgSyncSourcesExtensionPoint,
} from '@identity-portal/plugin-catalog-org-sync-node';
import { orgSyncLdapTransformsExtensionPoint } from './extensionPoint';
import { catalogModuleOrgSyncLdap } from './module';
import { LdapOrgSource } from './LdapOrgSource';

function capture() {
  const factories: OrgSourceFactory[] = [];
  const impl: OrgSyncSourcesExtensionPoint = {
    addSourceFactory: factory => {
      factories.push(factory);
    },
  };
  const extensionPoint: [typeof orgSyncSourcesExtensionPoint, typeof impl] = [
    orgSyncSourcesExtensionPoint,
    impl,
  ];
  return { factories, extensionPoint };
}

const sourceConfig = {
  url: 'ldap://127.0.0.1:1',
  bind: { dn: 'cn=reader,dc=example,dc=com', password: 'pw' },
  users: { baseDn: 'ou=people,dc=example,dc=com' },
};

describe('catalogModuleOrgSyncLdap', () => {
  it('adds the ldap source type to the org sync engine', async () => {
    const { factories, extensionPoint } = capture();
    await startTestBackend({
      extensionPoints: [extensionPoint],
      features: [catalogModuleOrgSyncLdap],
    });
    expect(factories.map(f => f.type)).toEqual(['ldap']);
    const source = factories[0].create({
      providerId: 'corp',
      sourceId: 'main',
      config: new ConfigReader(sourceConfig),
      configPath: 'catalog.providers.orgSync.corp.sources.ldap.main',
      logger: mockServices.logger.mock(),
    });
    expect(source).toBeInstanceOf(LdapOrgSource);
    expect(source).toMatchObject({ type: 'ldap', id: 'main' });
  });

  it('hands transformers set through the extension point to its sources', async () => {
    const { factories, extensionPoint } = capture();
    const userTransformer = jest.fn();
    const groupTransformer = jest.fn();
    const transforms = createBackendModule({
      pluginId: 'catalog',
      moduleId: 'ldap-transforms',
      register(env) {
        env.registerInit({
          deps: { ldap: orgSyncLdapTransformsExtensionPoint },
          async init({ ldap }) {
            ldap.setUserTransformer({ main: userTransformer });
            ldap.setGroupTransformer(groupTransformer);
          },
        });
      },
    });
    await startTestBackend({
      extensionPoints: [extensionPoint],
      features: [catalogModuleOrgSyncLdap, transforms],
    });
    const create = (sourceId: string) =>
      factories[0].create({
        providerId: 'corp',
        sourceId,
        config: new ConfigReader(sourceConfig),
        configPath: `catalog.providers.orgSync.corp.sources.ldap.${sourceId}`,
        logger: mockServices.logger.mock(),
      }) as any;
    expect(create('main').options.userTransformer).toBe(userTransformer);
    expect(create('main').options.groupTransformer).toBe(groupTransformer);
    expect(create('other').options.userTransformer).toBeUndefined();
  });

  it('refuses a second transformer', async () => {
    const { extensionPoint } = capture();
    const twice = createBackendModule({
      pluginId: 'catalog',
      moduleId: 'ldap-transforms-twice',
      register(env) {
        env.registerInit({
          deps: { ldap: orgSyncLdapTransformsExtensionPoint },
          async init({ ldap }) {
            ldap.setUserTransformer(d => d as any);
            ldap.setUserTransformer(d => d as any);
          },
        });
      },
    });
    await expect(
      startTestBackend({
        extensionPoints: [extensionPoint],
        features: [catalogModuleOrgSyncLdap, twice],
      }),
    ).rejects.toThrow(
      'The LDAP org sync user transformer may only be set once',
    );
  });

  it('fails creation with an InputError naming the full key', async () => {
    const { factories, extensionPoint } = capture();
    await startTestBackend({
      extensionPoints: [extensionPoint],
      features: [catalogModuleOrgSyncLdap],
    });
    expect(() =>
      factories[0].create({
        providerId: 'corp',
        sourceId: 'main',
        config: new ConfigReader({
          ...sourceConfig,
          tls: { ca: '/nonexistent/ca.pem' },
        }),
        configPath: 'catalog.providers.orgSync.corp.sources.ldap.main',
        logger: mockServices.logger.mock(),
      }),
    ).toThrow(
      'catalog.providers.orgSync.corp.sources.ldap.main.tls.ca: cannot read the CA bundle file /nonexistent/ca.pem (ENOENT)',
    );
  });
});
