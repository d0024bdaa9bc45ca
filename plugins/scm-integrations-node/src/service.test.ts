import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { recordingRootLogger } from '@identity-portal/plugin-auth-scm-sign-in-node/testUtils';
import { scmCredentialsServiceRef } from './service';
import type { ScmCredentials } from './types';

const GITLAB = {
  host: 'gitlab.example.com',
  apiBaseUrl: 'https://gitlab.example.com/api/v4',
  token: 'glpat_secret_value',
};

/** A plugin that asks the broker for credentials at init. */
function credentialsUser(pluginId: string, received: ScmCredentials[]) {
  return createBackendPlugin({
    pluginId,
    register(env) {
      env.registerInit({
        deps: { scmCredentials: scmCredentialsServiceRef },
        async init({ scmCredentials }) {
          received.push(
            await scmCredentials.getCredentials({
              url: 'https://gitlab.example.com/acme',
            }),
          );
        },
      });
    },
  });
}

describe('scmCredentialsServiceRef', () => {
  it('gives a plugin credentials without backend.add, and logs the calling plugin', async () => {
    const lines: string[] = [];
    const received: ScmCredentials[] = [];
    await startTestBackend({
      features: [
        recordingRootLogger(lines),
        mockServices.rootConfig.factory({
          data: { integrations: { gitlab: [GITLAB] } },
        }),
        credentialsUser('inventory', received),
        credentialsUser('reports', received),
      ],
    });
    expect(received.map(r => r.identity)).toEqual([
      expect.objectContaining({ kind: 'service', credential: 'gitlab-token' }),
      expect.objectContaining({ kind: 'service', credential: 'gitlab-token' }),
    ]);
    const uses = lines.filter(l => l.includes('SCM credentials for'));
    expect(uses).toHaveLength(2);
    expect(uses.some(l => l.includes('"callerPluginId":"inventory"'))).toBe(
      true,
    );
    expect(uses.some(l => l.includes('(plugin reports)'))).toBe(true);
    expect(lines.join('\n')).not.toContain('glpat_secret_value');
  });

  it('logs each config warning once for the whole backend', async () => {
    const lines: string[] = [];
    await startTestBackend({
      features: [
        recordingRootLogger(lines),
        mockServices.rootConfig.factory({
          data: {
            integrations: {
              gitlab: [{ ...GITLAB, token: 'glpat_secret_value\n' }],
            },
          },
        }),
        credentialsUser('inventory', []),
        credentialsUser('reports', []),
      ],
    });
    const warnings = lines.filter(l => l.startsWith('warn '));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(
      'SCM integrations config: integrations.gitlab[0].token: has leading or trailing whitespace',
    );
    expect(lines.join('\n')).not.toContain('glpat_secret_value');
  });

  it('refuses to start with a bad integrations config, naming every key', async () => {
    await expect(
      startTestBackend({
        features: [
          mockServices.rootConfig.factory({
            data: {
              integrations: {
                gitlab: [
                  GITLAB,
                  { ...GITLAB, apiBaseUrl: 'https://gitlab.example.com/api' },
                ],
              },
            },
          }),
          credentialsUser('inventory', []),
        ],
      }),
    ).rejects.toThrow(
      "Invalid SCM integrations config (2 errors):\nintegrations.gitlab[1].host: host 'gitlab.example.com' is already configured at integrations.gitlab[0].host; each host may appear only once in integrations.gitlab\nintegrations.gitlab[1].apiBaseUrl: must end in /api/v4 (e.g. https://gitlab.example.com/api/v4), got 'https://gitlab.example.com/api'",
    );
  });
});
