import { ConfigReader } from '@backstage/config';
import { findIntegrationConsumers } from './findIntegrationConsumers';

describe('findIntegrationConsumers', () => {
  it('lists the GitHub and GitLab org sources with the scopes they need', () => {
    const config = new ConfigReader({
      catalog: {
        providers: {
          orgSync: {
            example: {
              sources: {
                ldap: { directory: { url: 'ldap://x' } },
                github: {
                  'demo-github': {
                    host: '127.0.0.1:5180',
                    orgs: ['example-corp', 'labs'],
                  },
                  'app-only': { orgs: ['acme'], emails: ['verifiedDomain'] },
                },
                gitlab: {
                  'demo-gitlab': { host: '127.0.0.1:5181', group: 'example' },
                },
              },
            },
          },
        },
      },
    });
    expect(findIntegrationConsumers(config)).toEqual([
      {
        integrationType: 'github',
        host: '127.0.0.1:5180',
        consumer:
          'catalog.providers.orgSync.example.sources.github.demo-github',
        description: 'org sync: members and teams of example-corp, labs',
        scopes: ['read:org', 'user:email'],
        appPermissions: { members: 'read' },
      },
      {
        integrationType: 'github',
        host: 'github.com',
        consumer: 'catalog.providers.orgSync.example.sources.github.app-only',
        description: 'org sync: members and teams of acme',
        scopes: ['read:org'],
        appPermissions: { members: 'read' },
      },
      {
        integrationType: 'gitlab',
        host: '127.0.0.1:5181',
        consumer:
          'catalog.providers.orgSync.example.sources.gitlab.demo-gitlab',
        description: 'org sync: users and groups of group example',
        scopes: ['read_api'],
      },
    ]);
  });

  it('finds nothing without org sync config, and skips malformed blocks', () => {
    expect(findIntegrationConsumers(new ConfigReader({}))).toEqual([]);
    expect(
      findIntegrationConsumers(
        new ConfigReader({
          catalog: {
            providers: {
              orgSync: { a: { sources: { gitlab: { x: { group: 'g' } } } } },
            },
          },
        }),
      ),
    ).toEqual([]);
  });
});
