import { getJson } from '../__testUtils__/http';
import { RunningStandin } from '../types';
import { generateGitlabScaleFixture } from './scaleFixture';
import { startGitlabStandin } from './server';

// Generous timeouts: these walk hundreds of pages, and the machine may be busy.
describe('GitLab stand-in at scale (60,000 users, 3,000 groups)', () => {
  let standin: RunningStandin;
  const api = (path: string) =>
    getJson(
      path.startsWith('http') ? path : `${standin.url}/api/v4${path}`,
      'demo-gitlab-token',
    );

  beforeAll(async () => {
    standin = await startGitlabStandin({
      fixture: generateGitlabScaleFixture({ seed: 3 }),
    });
  });

  afterAll(() => standin.stop());

  it('is deterministic for a seed', () => {
    const options = { users: 500, groups: 40, seed: 9 };
    expect(generateGitlabScaleFixture(options)).toEqual(
      generateGitlabScaleFixture(options),
    );
  });

  it('refuses offset pages beyond 50,000 rows with GitLab’s 405', async () => {
    const last = await api('/users?per_page=100&page=500');
    expect(last.status).toBe(200);
    expect(last.headers.get('x-total')).toBeNull();
    expect(last.headers.get('x-total-pages')).toBeNull();
    const beyond = await api('/users?per_page=100&page=501');
    expect(beyond).toMatchObject({
      status: 405,
      body: {
        error:
          'Offset pagination has a maximum allowed offset of 50000 for requests that return objects of type User. Remaining records can be retrieved using keyset pagination.',
      },
    });
  });

  it('walks all 60,000 users with keyset pagination, each once', async () => {
    const seen = new Set<number>();
    let next: string | undefined =
      '/users?pagination=keyset&per_page=100&order_by=id&sort=asc';
    let previous = 0;
    while (next) {
      const page = await api(next);
      expect(page.status).toBe(200);
      for (const user of page.body) {
        expect(user.id).toBeGreaterThan(previous);
        previous = user.id;
        seen.add(user.id);
      }
      const link = page.headers.get('link');
      next = link ? /<([^>]+)>; rel="next"/.exec(link)?.[1] : undefined;
    }
    expect(seen.size).toBe(60_000);
  }, 60_000);

  it('walks all 3,000 groups with keyset pagination', async () => {
    let count = 0;
    let next: string | undefined =
      '/groups?pagination=keyset&per_page=100&order_by=id&sort=asc';
    while (next) {
      const page = await api(next);
      count += page.body.length;
      const link = page.headers.get('link');
      next = link ? /<([^>]+)>; rel="next"/.exec(link)?.[1] : undefined;
    }
    expect(count).toBe(3_000);
    const descendants = await api('/groups/example-corp/descendant_groups');
    expect(descendants.headers.get('x-total')).toBe('2999');
  }, 30_000);
});
