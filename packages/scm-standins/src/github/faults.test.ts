import { loadDemoOrg } from '@internal/demo-org';
import { getJson, graphql } from '../__testUtils__/http';
import { RunningStandin } from '../types';
import { githubFixtureFromDemoOrg } from './demoFixture';
import { startGithubStandin } from './server';

const MEMBERS_PAGE = `query page($first: Int!) {
  organization(login: "example-corp") {
    membersWithRole(first: $first) { nodes { login } }
  }
}`;

describe('GitHub stand-in fault switches', () => {
  let standin: RunningStandin;

  beforeAll(async () => {
    standin = await startGithubStandin({
      fixture: githubFixtureFromDemoOrg(loadDemoOrg()),
    });
  });

  afterAll(() => standin.stop());

  beforeEach(() => {
    standin.faults.clear();
    standin.requests.reset();
  });

  const page = (first = 5) => graphql(standin.url, MEMBERS_PAGE, { first });

  it('fails the Nth connection page once (GraphQL and REST pages count)', async () => {
    standin.faults.set({ failPage: { nth: 3, status: 503 } });
    expect((await page()).status).toBe(200);
    const rest = await getJson(
      `${standin.url}/api/v3/orgs/example-corp/members?per_page=2`,
      'demo-github-token',
    );
    expect(rest.status).toBe(200);
    expect(rest.headers.get('link')).toContain('rel="next"');
    const failed = await page();
    expect(failed.status).toBe(503);
    expect(failed.body.errors[0].message).toContain('Something went wrong');
    expect((await page()).status).toBe(200);
    expect(standin.requests.list().map(r => r.status)).toEqual([
      200, 200, 503, 200,
    ]);
  });

  it('fails the request that serves the Nth page when one query reads several connections', async () => {
    standin.faults.set({ failPage: { nth: 2 } });
    const { status } = await graphql(
      standin.url,
      '{ organization(login: "example-corp") { teams(first: 3) { nodes { members(first: 5) { totalCount } } } } }',
    );
    expect(status).toBe(502);
    expect(standin.requests.list()[0].pages).toBe(4);
  });

  it('answers the Nth request with a secondary rate limit', async () => {
    standin.faults.set({
      secondaryRateLimit: { nth: 2, retryAfterSeconds: 7 },
    });
    expect((await page()).status).toBe(200);
    const limited = await page();
    expect(limited.status).toBe(403);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.body.message).toContain('secondary rate limit');
    expect((await page()).status).toBe(200);
  });

  it('refuses connections above the resource limit', async () => {
    standin.faults.set({ resourceLimitAbove: 10 });
    expect((await page(10)).body.errors).toBeUndefined();
    const refused = await page(11);
    expect(refused.status).toBe(200);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        type: 'RESOURCE_LIMITS_EXCEEDED',
        path: ['organization', 'membersWithRole'],
      }),
    ]);
  });

  it('times out queries above the timeout size with a 502', async () => {
    standin.faults.set({ timeoutAbove: 10 });
    expect((await page(10)).status).toBe(200);
    const timedOut = await page(50);
    expect(timedOut.status).toBe(502);
    expect(timedOut.body.errors[0].message).toContain('timeout');
  });

  it('counts down the primary rate limit, refuses at 0, then resets', async () => {
    standin.faults.set({
      primaryRateLimitRemaining: 2,
      primaryRateLimitResetSeconds: 1,
    });
    const first = await page();
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
    const second = await page();
    expect(second.headers.get('x-ratelimit-remaining')).toBe('0');
    const reset = Number(second.headers.get('x-ratelimit-reset'));
    const refused = await page();
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(refused.body.message).toContain('API rate limit exceeded');
    // Waits for the advertised reset, as a well-behaved client does.
    await new Promise(resolve =>
      setTimeout(resolve, reset * 1000 - Date.now() + 50),
    );
    const after = await page();
    expect(after.status).toBe(200);
    expect(Number(after.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(
      100,
    );
    expect(standin.faults.current().primaryRateLimitRemaining).toBeUndefined();
  });

  it('delays every request by slowMs', async () => {
    standin.faults.set({ slowMs: 300 });
    const started = Date.now();
    await page();
    // A lower bound only: the delay is never shorter than asked for.
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('logs every request with its operation and counts', async () => {
    await page();
    await getJson(`${standin.url}/api/v3/user`, 'demo-github-token');
    await graphql(standin.url, '{ viewer { login } }');
    expect(standin.requests.count()).toBe(3);
    expect(
      standin.requests.list().map(r => [r.method, r.path, r.operation]),
    ).toEqual([
      ['POST', '/api/graphql', 'page'],
      ['GET', '/api/v3/user', undefined],
      ['POST', '/api/graphql', 'viewer'],
    ]);
    standin.requests.reset();
    expect(standin.requests.count()).toBe(0);
  });

  it('rejects invalid switch values', () => {
    expect(() => standin.faults.set({ failPage: { nth: 0 } })).toThrow(
      'failPage.nth must be a positive integer',
    );
  });
});
