import { loadDemoOrg } from '@internal/demo-org';
import { getJson } from '../__testUtils__/http';
import { RunningStandin } from '../types';
import { gitlabFixtureFromDemoOrg } from './demoFixture';
import { startGitlabStandin } from './server';

const demoOrg = loadDemoOrg();
const gitlabPeople = demoOrg.people.filter(p => p.gitlab);

describe('GitLab stand-in REST', () => {
  let standin: RunningStandin;
  const api = (path: string) =>
    getJson(`${standin.url}/api/v4${path}`, 'demo-gitlab-token');

  beforeAll(async () => {
    standin = await startGitlabStandin({
      fixture: gitlabFixtureFromDemoOrg(demoOrg),
    });
  });

  afterAll(() => standin.stop());

  beforeEach(() => {
    standin.faults.clear();
    standin.requests.reset();
  });

  it('finds groups by id and URL-encoded full path, with subgroups and descendants', async () => {
    const sre = await api(
      `/groups/${encodeURIComponent(
        'example-corp/engineering/platform-team/sre',
      )}`,
    );
    expect(sre.body).toMatchObject({
      path: 'sre',
      full_path: 'example-corp/engineering/platform-team/sre',
    });
    expect((await api(`/groups/${sre.body.id}`)).body.full_path).toBe(
      sre.body.full_path,
    );
    const top = await api('/groups/example-corp/subgroups?per_page=100');
    expect(top.body.map((g: any) => g.path).sort()).toEqual(
      demoOrg.teams
        .filter(t => !t.parent)
        .map(t => t.id)
        .sort(),
    );
    const all = await api(
      '/groups/example-corp/descendant_groups?per_page=100',
    );
    expect(all.body).toHaveLength(demoOrg.teams.length);
    expect(all.headers.get('x-total')).toBe(String(demoOrg.teams.length));
    expect((await api('/groups/nope')).status).toBe(404);
  });

  it('lists direct members and, with /all, inherited ones', async () => {
    const path = encodeURIComponent(
      'example-corp/engineering/platform-team/sre',
    );
    const direct = await api(`/groups/${path}/members?per_page=100`);
    const inSre = gitlabPeople.filter(p => p.teams.includes('sre'));
    expect(direct.body.map((m: any) => m.username)).toEqual(
      inSre.map(p => p.gitlab!.username),
    );
    expect(direct.body[0].access_level).toBe(40);
    expect(direct.body[0].email).toBe(inSre[0].email);
    const all = await api(`/groups/${path}/members/all?per_page=100`);
    const ancestors = ['sre', 'platform-team', 'engineering'];
    const expected = new Set(
      gitlabPeople
        .filter(p => p.teams.some(t => ancestors.includes(t)))
        .map(p => p.gitlab!.username),
    );
    expect(new Set(all.body.map((m: any) => m.username))).toEqual(expected);
  });

  it('pages with x-* headers and a Link header', async () => {
    const first = await api(
      '/groups/example-corp/descendant_groups?per_page=2',
    );
    expect(first.headers.get('x-page')).toBe('1');
    expect(first.headers.get('x-next-page')).toBe('2');
    expect(first.headers.get('x-total-pages')).toBe(
      String(Math.ceil(demoOrg.teams.length / 2)),
    );
    expect(first.headers.get('link')).toContain('rel="next"');
    expect(standin.requests.list()[0].pages).toBe(1);
  });

  it('shows blocked users and the outsider in the admin user listing', async () => {
    const users = await api('/users?per_page=100');
    expect(users.body).toHaveLength(gitlabPeople.length + 1);
    const disabled = gitlabPeople.find(p => p.disabled)!;
    expect(
      users.body.find((u: any) => u.username === disabled.gitlab!.username)
        .state,
    ).toBe('blocked');
    expect((await api('/users/29999')).body.email).toBe(
      'outsider@elsewhere.test',
    );
  });

  it('fails member listings of failGroup with 500', async () => {
    standin.faults.set({ failGroup: 'example-corp/support' });
    const failing = await api('/groups/example-corp%2Fsupport/members/all');
    expect(failing.status).toBe(500);
    expect((await api('/groups/example-corp%2Fadmins/members')).status).toBe(
      200,
    );
  });

  it('fails the Nth page once', async () => {
    standin.faults.set({ failPage: { nth: 2 } });
    expect((await api('/groups/example-corp/subgroups')).status).toBe(200);
    expect((await api('/groups/example-corp/subgroups')).status).toBe(502);
    expect((await api('/groups/example-corp/subgroups')).status).toBe(200);
  });

  it('answers 429 with Retry-After for the secondary rate limit', async () => {
    standin.faults.set({
      secondaryRateLimit: { nth: 1, retryAfterSeconds: 3 },
    });
    const limited = await api('/user');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect((await api('/user')).status).toBe(200);
  });

  it('counts down the primary rate limit and refuses at 0', async () => {
    standin.faults.set({
      primaryRateLimitRemaining: 1,
      primaryRateLimitResetSeconds: 30,
    });
    const last = await api('/user');
    expect(last.headers.get('ratelimit-remaining')).toBe('0');
    const refused = await api('/user');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
