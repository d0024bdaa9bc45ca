import { ConfigReader } from '@backstage/config';
import { readGithubSourceConfig } from './readGithubSourceConfig';

const PATH = 'catalog.providers.orgSync.corp.sources.github.main';
const read = (data: object) =>
  readGithubSourceConfig(new ConfigReader(data), PATH);

describe('readGithubSourceConfig', () => {
  it('applies every default', () => {
    expect(read({ orgs: ['example-corp'] })).toEqual({
      host: 'github.com',
      orgs: ['example-corp'],
      teams: { include: 'all', exclude: [], naming: 'slug' },
      users: { excludeSuspended: true },
      emails: ['verifiedDomain', 'public'],
      pageSizes: { members: 100, teams: 50, teamMembers: 100 },
      teamMemberBatch: 10,
      maxConcurrency: 4,
      maxRequestsPerSecond: 15,
      retry: { attempts: 6, maxWaitSeconds: 900 },
      requestTimeoutMs: 30000,
    });
  });

  it('names groups per org by default when there are several orgs', () => {
    expect(read({ orgs: ['a', 'b'] }).teams.naming).toBe('org-slug');
    expect(
      read({ orgs: ['a', 'b'], teams: { naming: 'slug' } }).teams.naming,
    ).toBe('slug');
  });

  it('lower-cases the host and keeps explicit settings', () => {
    const config = read({
      host: 'GHE.Example.com:8443',
      orgs: ['a'],
      teams: { include: ['platform-*'], exclude: ['platform-bots'] },
      emails: ['public'],
      pageSizes: { members: 50 },
    });
    expect(config.host).toBe('ghe.example.com:8443');
    expect(config.teams.include).toEqual(['platform-*']);
    expect(config.emails).toEqual(['public']);
    expect(config.pageSizes).toEqual({
      members: 50,
      teams: 50,
      teamMembers: 100,
    });
  });

  it('lists every problem with its full key', () => {
    expect(() =>
      read({
        host: 'https://github.com',
        orgs: [],
        pageSizes: { members: 500 },
        emails: ['ldap'],
        teams: { include: [] },
        bogus: 1,
      }),
    ).toThrow(
      new RegExp(
        [
          `${PATH}.host must be a host name with an optional port, no scheme`,
          `${PATH}.orgs must list at least one organization login`,
          `${PATH}.teams.include`,
          `${PATH}.emails.0`,
          `${PATH}.pageSizes.members number must be less than or equal to 100`,
          `${PATH} has unknown keys 'bogus'`,
        ]
          .map(s => s.replace(/\./g, '\\.'))
          .join('.*'),
      ),
    );
  });

  it('requires orgs', () => {
    expect(() => read({})).toThrow(`${PATH}.orgs required`);
  });

  it('refuses the same org twice and invalid logins', () => {
    expect(() => read({ orgs: ['Acme', 'acme'] })).toThrow(
      `${PATH}.orgs must not list an organization twice`,
    );
    expect(() => read({ orgs: ['-bad'] })).toThrow(
      `${PATH}.orgs.0 must be a GitHub organization login`,
    );
  });
});
