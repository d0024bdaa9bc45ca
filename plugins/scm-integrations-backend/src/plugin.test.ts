import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import {
  createTestKnex,
  startHealthBackend,
} from './__testUtils__/startHealthBackend';
import { scmIntegrationsPlugin } from './plugin';

const start = (data: JsonObject) =>
  startTestBackend({
    features: [
      scmIntegrationsPlugin,
      mockServices.rootConfig.factory({ data }),
    ],
  });

describe('scmIntegrationsPlugin start-up', () => {
  it('refuses to start on integration errors, listing every key (the broker it depends on validates first)', async () => {
    const failure = await start({
      integrations: {
        github: [
          {
            host: 'ghe.example.com',
            apiBaseUrl: 'https://ghe.example.com/api/v3',
            token: 'gh-test-one',
          },
          {
            host: 'ghe.example.com',
            apiBaseUrl: 'https://ghe.example.com/api/v3',
            token: 'gh-test-two',
          },
        ],
        gitlab: [
          {
            host: 'gitlab.example.com',
            apiBaseUrl: 'https://gitlab.example.com/api',
            token: 'gl-test-x',
          },
        ],
      },
    }).catch(error => error);
    expect(failure).toBeInstanceOf(Error);
    expect(String(failure.message)).toContain(
      [
        'InputError: Invalid SCM integrations config (2 errors):',
        "integrations.github[1].host: host 'ghe.example.com' is already configured at integrations.github[0].host; each host may appear only once in integrations.github",
        "integrations.gitlab[0].apiBaseUrl: must end in /api/v4 (e.g. https://gitlab.example.com/api/v4), got 'https://gitlab.example.com/api'",
      ].join('\n'),
    );
    expect(String(failure.message)).toContain(
      "Plugin 'scm-integrations' startup failed",
    );
    expect(String(failure.message)).not.toContain('gh-test-');
  });

  it('refuses to start on a bad scmIntegrations.health value, naming the key', async () => {
    const failure = await start({
      scmIntegrations: { health: { rateLimitWarning: 150 } },
    }).catch(error => error);
    expect(String(failure.message)).toContain(
      'Invalid scmIntegrations.health config: scmIntegrations.health.rateLimitWarning must be a percentage between 0 and 100',
    );
  });

  it('starts despite warnings, logs each once and reports them', async () => {
    const knex = createTestKnex();
    const backend = await startHealthBackend({
      knex,
      config: {
        integrations: {
          github: [
            {
              host: 'ghe.example.com',
              apiBaseUrl: 'https://ghe-api.example.net/api/v3',
            },
          ],
        },
      },
    });
    try {
      const expected =
        "integrations.github[0].apiBaseUrl: points at host 'ghe-api.example.net' but the integration's host is 'ghe.example.com'; requests for ghe.example.com (with its credentials) go to ghe-api.example.net";
      const { body } = await backend.request('/health');
      expect(body.config.problems).toEqual([
        {
          severity: 'warning',
          key: 'integrations.github[0].apiBaseUrl',
          message: expect.stringContaining(
            "points at host 'ghe-api.example.net'",
          ),
        },
      ]);
      expect(
        [...backend.rootLogs, ...backend.logs]
          .filter(l => l.level === 'warn')
          .map(l => l.message),
      ).toEqual([`SCM integrations config: ${expected}`]);
    } finally {
      await backend.stop();
      await knex.destroy();
    }
  });
});
