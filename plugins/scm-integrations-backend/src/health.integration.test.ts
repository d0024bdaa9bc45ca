import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { type HealthBackend, standinSuite } from './__testUtils__/standinSuite';
import {
  integrationsConfig,
  TEST_APP_PRIVATE_KEY,
  TOKENS,
} from './__testUtils__/standins';
import type {
  CredentialHealth,
  HealthReport,
} from '@identity-portal/plugin-scm-integrations-common';

const GITHUB_CONSUMER =
  'catalog.providers.orgSync.example.sources.github.demo-github';
const GITLAB_CONSUMER =
  'catalog.providers.orgSync.example.sources.gitlab.demo-gitlab';

function credential(
  report: HealthReport,
  type: 'github' | 'gitlab',
  id: string,
): CredentialHealth {
  const host = report.hosts.find(h => h.integrationType === type);
  const found = host?.credentials.find(c => c.id === id);
  if (!found) {
    throw new Error(`no ${type} credential ${id} in ${JSON.stringify(report)}`);
  }
  return found;
}

describe('scm-integrations health against the GitHub and GitLab stand-ins', () => {
  const suite = standinSuite();

  const start = (
    options: Parameters<typeof integrationsConfig>[1],
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
  ) => suite.start(integrationsConfig(suite.standins, options), permission);
  const checkNow = async (backend: HealthBackend): Promise<HealthReport> => {
    const { status, body } = await backend.request('/health/check', 'POST');
    expect(status).toBe(200);
    return body;
  };

  it('reports good tokens as ok, with login, scopes, rate limit and expiry', async () => {
    const backend = await start({
      githubToken: TOKENS.githubGood,
      gitlabToken: TOKENS.gitlabGood,
    });
    const report = await checkNow(backend);
    expect(report.config.problems).toEqual([]);

    const github = credential(report, 'github', 'token');
    expect(github).toMatchObject({
      kind: 'personal-access-token',
      status: 'ok',
      message: 'works as octo-admin',
      login: 'octo-admin',
      scopes: {
        granted: ['read:org', 'user:email', 'repo'],
        required: [
          { scope: 'read:org', neededBy: [GITHUB_CONSUMER] },
          { scope: 'user:email', neededBy: [GITHUB_CONSUMER] },
        ],
        missing: [],
      },
      rateLimit: { limit: 5000, remaining: expect.any(Number) },
    });
    expect(github.label).toMatch(/^personal access token …[0-9a-f]{4}$/);
    expect(Date.parse(github.expiresAt!)).toBeGreaterThan(
      Date.now() + 89 * 24 * 3600 * 1000,
    );

    const gitlab = credential(report, 'gitlab', 'token');
    expect(gitlab).toMatchObject({
      kind: 'gitlab-token',
      status: 'ok',
      login: 'lab-admin',
      scopes: {
        granted: ['read_api', 'read_user'],
        required: [{ scope: 'read_api', neededBy: [GITLAB_CONSUMER] }],
        missing: [],
      },
      rateLimit: { limit: 2000 },
    });
    expect(gitlab.expiresAt).toMatch(/T00:00:00\.000Z$/);

    const [githubHost] = report.hosts;
    expect(githubHost).toMatchObject({
      integrationType: 'github',
      apiBaseUrl: `${suite.standins.github.url}/api/v3`,
      actForUser: 'allow',
      usedBy: [expect.objectContaining({ consumer: GITHUB_CONSUMER })],
    });
    expect(JSON.stringify(report)).not.toContain(TOKENS.githubGood);
    expect(JSON.stringify(report)).not.toContain(TOKENS.gitlabGood);
  });

  it('reports a revoked token as 401 and warns once in the log, without the token', async () => {
    const backend = await start({
      githubToken: TOKENS.githubGood,
      gitlabToken: TOKENS.gitlabGood,
    });
    await checkNow(backend);
    suite.standins.github.faults.set({ revokedTokens: [TOKENS.githubGood] });
    suite.standins.gitlab.faults.set({ revokedTokens: [TOKENS.gitlabGood] });

    const report = await checkNow(backend);
    for (const type of ['github', 'gitlab'] as const) {
      expect(credential(report, type, 'token')).toMatchObject({
        status: 'error',
        message: '401: token revoked or invalid',
      });
    }
    await checkNow(backend);
    const warnings = backend.logs.filter(l => l.level === 'warn');
    expect(warnings.map(l => l.message)).toEqual([
      expect.stringMatching(
        /^GitHub 127\.0\.0\.1:\d+ personal access token …[0-9a-f]{4}: ok → error: 401: token revoked or invalid$/,
      ),
      expect.stringMatching(
        /^GitLab 127\.0\.0\.1:\d+ access token …[0-9a-f]{4}: ok → error: 401: token revoked or invalid$/,
      ),
    ]);
    const everything = JSON.stringify(backend.logs);
    expect(everything).not.toContain(TOKENS.githubGood);
    expect(everything).not.toContain(TOKENS.gitlabGood);
  });

  it('names the missing scope and the consumer that needs it', async () => {
    const backend = await start({
      githubToken: TOKENS.githubNarrow,
      gitlabToken: TOKENS.gitlabNarrow,
    });
    const report = await checkNow(backend);
    expect(credential(report, 'github', 'token')).toMatchObject({
      status: 'error',
      message: `missing scope user:email needed by ${GITHUB_CONSUMER}`,
      scopes: { granted: ['read:org'], missing: ['user:email'] },
    });
    expect(credential(report, 'gitlab', 'token')).toMatchObject({
      status: 'error',
      message: `missing scope read_api needed by ${GITLAB_CONSUMER}`,
      scopes: { granted: ['read_user'], missing: ['read_api'] },
    });
  });

  it('counts implied scopes as granted and warns about a near expiry', async () => {
    const backend = await start({
      githubToken: TOKENS.githubExpiring,
      gitlabToken: TOKENS.gitlabGood,
    });
    const report = await checkNow(backend);
    const github = credential(report, 'github', 'token');
    expect(github.status).toBe('warning');
    expect(github.scopes?.missing).toEqual([]);
    expect(github.message).toMatch(
      /^works as octo-admin; expires on \d{4}-\d{2}-\d{2} \(in 2 days\)$/,
    );
  });

  it('cannot compare scopes of a fine-grained token, and says so with granted null', async () => {
    const backend = await start({
      githubToken: TOKENS.githubFineGrained,
      gitlabToken: TOKENS.gitlabGood,
    });
    const report = await checkNow(backend);
    expect(credential(report, 'github', 'token')).toMatchObject({
      status: 'ok',
      login: 'octo-admin',
      scopes: { granted: null, missing: [] },
      expiresAt: null,
    });
  });

  it('warns when the rate limit runs low', async () => {
    const backend = await start({
      githubToken: TOKENS.githubGood,
      gitlabToken: TOKENS.gitlabGood,
    });
    suite.standins.github.faults.set({
      primaryRateLimitRemaining: 100,
      primaryRateLimitResetSeconds: 600,
    });
    suite.standins.gitlab.faults.set({
      primaryRateLimitRemaining: 50,
      primaryRateLimitResetSeconds: 600,
    });
    const report = await checkNow(backend);
    const github = credential(report, 'github', 'token');
    expect(github).toMatchObject({
      status: 'warning',
      rateLimit: { limit: 5000, remaining: 99 },
    });
    expect(github.message).toMatch(
      /^works as octo-admin; rate limit low: 99 of 5000 requests left until \d{4}-/,
    );
    expect(credential(report, 'gitlab', 'token')).toMatchObject({
      status: 'warning',
      rateLimit: { limit: 2000, remaining: 48 },
    });
  });

  it('checks a GitHub App: permissions of its installations, installation token, rate limit', async () => {
    const backend = await start({
      githubApp: true,
      githubToken: TOKENS.githubGood,
      gitlabToken: TOKENS.gitlabGood,
    });
    const report = await checkNow(backend);
    const app = credential(report, 'github', 'app:4711');
    expect(app).toMatchObject({
      kind: 'github-app',
      label: 'GitHub App 4711 (example-corp)',
      status: 'ok',
      message: 'works as identity-portal[bot]',
      login: 'identity-portal[bot]',
      scopes: {
        granted: ['members:read', 'metadata:read'],
        required: [{ scope: 'members:read', neededBy: [GITHUB_CONSUMER] }],
        missing: [],
      },
      rateLimit: { limit: 5000 },
    });
    const expiresIn = Date.parse(app.expiresAt!) - Date.now();
    expect(expiresIn).toBeGreaterThan(0);
    expect(expiresIn).toBeLessThanOrEqual(3600 * 1000);
    expect(report.hosts[0].credentials.map(c => c.id)).toEqual([
      'app:4711',
      'token',
    ]);
    expect(JSON.stringify(report)).not.toContain(
      TEST_APP_PRIVATE_KEY.split('\n')[0],
    );
    expect(JSON.stringify(backend.logs)).not.toContain(
      TEST_APP_PRIVATE_KEY.slice(40, 80),
    );
  });

  it('gives up on a host that answers too late', async () => {
    const backend = await start({
      githubToken: TOKENS.githubGood,
      gitlabToken: TOKENS.gitlabGood,
      health: { checkTimeout: { milliseconds: 200 } },
    });
    suite.standins.gitlab.faults.set({ slowMs: 2000 });
    const report = await checkNow(backend);
    expect(credential(report, 'gitlab', 'token')).toMatchObject({
      status: 'error',
      message: expect.stringMatching(
        /^127\.0\.0\.1:\d+ did not answer within 0\.2 s$/,
      ),
    });
    expect(credential(report, 'github', 'token').status).toBe('ok');
  });

  it('reports a host it cannot reach with the cause', async () => {
    const backend = await start({
      githubToken: TOKENS.githubGood,
      gitlabToken: TOKENS.gitlabGood,
    });
    await suite.standins.gitlab.stop();
    try {
      const report = await checkNow(backend);
      const gitlab = credential(report, 'gitlab', 'token');
      expect(gitlab.status).toBe('error');
      expect(gitlab.message).toMatch(
        /^cannot reach 127\.0\.0\.1:\d+: .*ECONNREFUSED/,
      );
    } finally {
      await suite.restartStandins();
    }
  });
});
