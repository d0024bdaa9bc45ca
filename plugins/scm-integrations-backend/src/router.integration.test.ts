import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { standinSuite } from './__testUtils__/standinSuite';
import { integrationsConfig, TOKENS } from './__testUtils__/standins';

describe('scm-integrations health routes and the scheduled run', () => {
  const suite = standinSuite();

  const start = (permission: AuthorizeResult.ALLOW | AuthorizeResult.DENY) =>
    suite.start(
      integrationsConfig(suite.standins, {
        githubToken: TOKENS.githubGood,
        gitlabToken: TOKENS.gitlabGood,
      }),
      permission,
    );

  it('serves an empty report when no integration is configured', async () => {
    const backend = await suite.start({});
    const { status, body } = await backend.request('/health');
    expect(status).toBe(200);
    expect(body).toEqual({
      checkedAt: expect.any(String),
      config: { problems: [] },
      hosts: [],
    });
  });

  it('answers 200 with scm-integrations.health.read and 403 without', async () => {
    const allowed = await start(AuthorizeResult.ALLOW);
    const report = await allowed.request('/health');
    expect(report.status).toBe(200);
    expect(report.body.hosts).toHaveLength(2);

    const denied = await start(AuthorizeResult.DENY);
    for (const [path, method] of [
      ['/health', 'GET'],
      ['/health/check', 'POST'],
    ] as const) {
      const answer = await denied.request(path, method);
      expect(answer.status).toBe(403);
      expect(answer.body.error.message).toBe(
        'Missing permission scm-integrations.health.read',
      );
    }
  });

  it('stores the scheduled run so that another instance on the same database serves it', async () => {
    const runner = await start(AuthorizeResult.ALLOW);
    const reader = await start(AuthorizeResult.ALLOW);
    suite.standins.github.requests.reset();
    suite.standins.gitlab.requests.reset();

    const task = runner.scheduledTask();
    expect(task).toMatchObject({
      scope: 'global',
      frequency: { minutes: 15 },
      timeout: { minutes: 2 },
      initialDelay: { seconds: 15 },
    });
    await task.fn(new AbortController().signal);
    const served = suite.standins.github.requests.count();
    expect(served).toBeGreaterThan(0);

    const { status, body } = await reader.request('/health');
    expect(status).toBe(200);
    expect(
      body.hosts.map((h: any) => [h.integrationType, h.credentials[0].status]),
    ).toEqual([
      ['github', 'ok'],
      ['gitlab', 'ok'],
    ]);
    // Served from the database: the reader contacted no host.
    expect(suite.standins.github.requests.count()).toBe(served);
    expect(
      runner.logs.filter(l => l.level === 'info').map(l => l.message),
    ).toEqual([
      expect.stringMatching(
        /^GitHub .* first check → ok: works as octo-admin$/,
      ),
      expect.stringMatching(/^GitLab .* first check → ok: works as lab-admin$/),
    ]);
  });
});
