import { ConfigReader } from '@backstage/config';
import { recordingLogger } from '@identity-portal/plugin-auth-scm-sign-in-node/testUtils';
import { assertValidIntegrationsConfig } from './assertValidIntegrationsConfig';

const withWarning = () =>
  new ConfigReader({
    integrations: {
      gitlab: [
        {
          host: 'gitlab.example.com',
          apiBaseUrl: 'https://gitlab.example.com/api/v4',
          token: 'glpat_secret_value\n',
        },
      ],
    },
  });

describe('assertValidIntegrationsConfig', () => {
  it('logs the warnings of one config once, however often it is validated, and returns them every time', () => {
    const lines: string[] = [];
    const logger = recordingLogger(lines);
    const config = withWarning();
    const first = assertValidIntegrationsConfig(config, { logger });
    const second = assertValidIntegrationsConfig(config, { logger });
    expect(second).toEqual(first);
    expect(first).toHaveLength(1);
    expect(lines.filter(l => l.startsWith('warn '))).toHaveLength(1);
  });

  it('logs the warnings of another config object again', () => {
    const lines: string[] = [];
    const logger = recordingLogger(lines);
    assertValidIntegrationsConfig(withWarning(), { logger });
    assertValidIntegrationsConfig(withWarning(), { logger });
    expect(lines.filter(l => l.startsWith('warn '))).toHaveLength(2);
    expect(lines.join('\n')).not.toContain('glpat_secret_value');
  });
});
