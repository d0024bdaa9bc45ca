import { ConfigReader } from '@backstage/config';
import { readHealthConfig } from './readHealthConfig';

const read = (health: object | undefined) =>
  readHealthConfig(
    new ConfigReader(health ? { scmIntegrations: { health } } : {}),
  );

describe('readHealthConfig', () => {
  it('applies the defaults', () => {
    expect(read(undefined)).toEqual({
      schedule: {
        frequency: { minutes: 15 },
        timeout: { minutes: 2 },
        initialDelay: { seconds: 15 },
      },
      rateLimitWarning: 10,
      expiryWarningMs: 14 * 24 * 60 * 60 * 1000,
      checkTimeoutMs: 10_000,
    });
  });

  it('reads every key; a schedule may give the frequency alone', () => {
    expect(
      read({
        schedule: { frequency: { minutes: 1 } },
        rateLimitWarning: 25,
        expiryWarning: { days: 30 },
        checkTimeout: { seconds: 3 },
      }),
    ).toEqual({
      schedule: {
        frequency: { minutes: 1 },
        timeout: { minutes: 2 },
        initialDelay: { seconds: 15 },
      },
      rateLimitWarning: 25,
      expiryWarningMs: 30 * 24 * 60 * 60 * 1000,
      checkTimeoutMs: 3000,
    });
  });

  it.each([
    [
      { rateLimitWarning: -1 },
      'scmIntegrations.health.rateLimitWarning must be a percentage between 0 and 100',
    ],
    [
      { expiryWarning: { fortnights: 1 } },
      'scmIntegrations.health.expiryWarning.fortnights is not a known setting',
    ],
    [
      { checkTimeout: {} },
      'scmIntegrations.health.checkTimeout must name at least one unit, e.g. { days: 14 }',
    ],
    [{ interval: 5 }, 'scmIntegrations.health.interval is not a known setting'],
    [{ schedule: { frequency: 'often' } }, 'scmIntegrations.health.schedule '],
  ])('refuses %j', (health, message) => {
    expect(() => read(health)).toThrow(
      `Invalid scmIntegrations.health config: ${message}`,
    );
  });
});
