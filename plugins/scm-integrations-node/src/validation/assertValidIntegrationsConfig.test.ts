import { ConfigReader } from '@backstage/config';
import { RecordingLogger } from '../__testUtils__/recordingLogger';
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
    const logger = new RecordingLogger();
    const config = withWarning();
    const first = assertValidIntegrationsConfig(config, { logger });
    const second = assertValidIntegrationsConfig(config, { logger });
    expect(second).toEqual(first);
    expect(first).toHaveLength(1);
    expect(logger.lines.filter(l => l.startsWith('warn '))).toHaveLength(1);
  });

  it('logs the warnings of another config object again', () => {
    const logger = new RecordingLogger();
    assertValidIntegrationsConfig(withWarning(), { logger });
    assertValidIntegrationsConfig(withWarning(), { logger });
    expect(logger.lines.filter(l => l.startsWith('warn '))).toHaveLength(2);
    expect(logger.lines.join('\n')).not.toContain('glpat_secret_value');
  });
});
