import { loadDemoOrg } from '@internal/demo-org';
import { getJson } from '../__testUtils__/http';
import { gitlabFixtureFromDemoOrg } from './demoFixture';
import { startGitlabStandin } from './server';
import { RunningStandin } from '../types';

describe('GitLab stand-in token health answers', () => {
  let standin: RunningStandin;

  beforeAll(async () => {
    const fixture = gitlabFixtureFromDemoOrg(loadDemoOrg());
    fixture.tokens.push({
      token: 'narrow-token',
      username: fixture.tokens[0].username,
      scopes: ['read_repository'],
      expiresAt: '2099-01-31',
      id: 77,
      name: 'ci reader',
    });
    standin = await startGitlabStandin({ fixture });
  });

  afterEach(() => standin.faults.clear());
  afterAll(() => standin.stop());

  it('describes a PAT on /personal_access_tokens/self, by PRIVATE-TOKEN or Bearer', async () => {
    const byHeader = await fetch(
      `${standin.url}/api/v4/personal_access_tokens/self`,
      { headers: { 'private-token': 'narrow-token' } },
    );
    expect(await byHeader.json()).toMatchObject({
      id: 77,
      name: 'ci reader',
      revoked: false,
      active: true,
      scopes: ['read_repository'],
      expires_at: '2099-01-31',
      user_id: expect.any(Number),
      last_used_at: expect.any(String),
    });
    expect(byHeader.headers.get('ratelimit-limit')).toBe('2000');

    const demo = await getJson(
      `${standin.url}/api/v4/personal_access_tokens/self`,
      'demo-gitlab-token',
    );
    expect(demo.body).toMatchObject({
      id: 1,
      name: 'identity portal integration',
      scopes: ['read_api', 'read_user'],
    });
    expect(Date.parse(demo.body.expires_at)).toBeGreaterThan(
      Date.now() + 80 * 24 * 3600 * 1000,
    );
  });

  it('answers a revoked token with 401 Unauthorized everywhere', async () => {
    standin.faults.set({ revokedTokens: ['demo-gitlab-token'] });
    for (const path of [
      '/api/v4/user',
      '/api/v4/personal_access_tokens/self',
    ]) {
      const answer = await getJson(
        `${standin.url}${path}`,
        'demo-gitlab-token',
      );
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ message: '401 Unauthorized' });
    }
    expect(
      (await getJson(`${standin.url}/api/v4/user`, 'narrow-token')).status,
    ).toBe(403);
  });

  it('counts RateLimit-Remaining down from the primary rate-limit switch', async () => {
    standin.faults.set({ primaryRateLimitRemaining: 30 });
    const answer = await getJson(
      `${standin.url}/api/v4/user`,
      'demo-gitlab-token',
    );
    expect(answer.headers.get('ratelimit-remaining')).toBe('29');
  });
});
