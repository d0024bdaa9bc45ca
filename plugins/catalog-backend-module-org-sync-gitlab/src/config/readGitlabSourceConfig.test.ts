import { ConfigReader } from '@backstage/config';
import { readGitlabSourceConfig } from './readGitlabSourceConfig';

const PATH = 'catalog.providers.orgSync.corp.sources.gitlab.main';
const read = (data: object) =>
  readGitlabSourceConfig(new ConfigReader(data as any), PATH);

describe('readGitlabSourceConfig', () => {
  it('applies the defaults', () => {
    expect(read({ host: 'gitlab.com', group: 'acme' })).toEqual({
      host: 'gitlab.com',
      group: 'acme',
      membership: 'direct',
      includeSubgroups: true,
      users: { excludeBlocked: true, excludeBots: true },
      groups: { type: 'team', naming: 'path', exclude: [] },
      pageSize: 100,
      concurrency: 8,
      maxRetries: 5,
    });
  });

  it('takes every setting', () => {
    expect(
      read({
        host: 'gitlab.example.com:8443',
        group: 'acme/platform',
        membership: 'inherited',
        includeSubgroups: false,
        users: { excludeBlocked: false, excludeBots: false },
        groups: { type: 'department', exclude: ['sandbox/**', '*/archive'] },
        pageSize: 50,
        concurrency: 4,
        maxRetries: 0,
      }),
    ).toMatchObject({
      host: 'gitlab.example.com:8443',
      group: 'acme/platform',
      membership: 'inherited',
      groups: { type: 'department', exclude: ['sandbox/**', '*/archive'] },
      pageSize: 50,
    });
  });

  it('requires the root group, so the whole instance is never read', () => {
    expect(() => read({ host: 'gitlab.com' })).toThrow(
      `Invalid GitLab source config: ${PATH}.group is required`,
    );
  });

  it('names the full key of every problem', () => {
    let message = '';
    try {
      read({
        host: 'https://gitlab.com',
        group: '/acme/',
        membership: 'all',
        pageSize: 500,
        users: { excludeBlocked: 'yes' },
        groups: { excldue: [] },
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(
      `${PATH}.host must be a host name with an optional port`,
    );
    expect(message).toContain(`${PATH}.group must be the full path of a group`);
    expect(message).toContain(`${PATH}.membership invalid enum value`);
    expect(message).toContain(
      `${PATH}.pageSize number must be less than or equal to 100`,
    );
    expect(message).toContain(`${PATH}.users.excludeBlocked expected boolean`);
    expect(message).toContain(`${PATH}.groups.excldue is not a known setting`);
  });
});
