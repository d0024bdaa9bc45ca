import { ConfigReader } from '@backstage/config';
import {
  actForUserPolicyOf,
  readScmIntegrationsConfig,
} from './readScmIntegrationsConfig';

describe('readScmIntegrationsConfig', () => {
  it('allows acting for the user on every host by default', () => {
    const config = readScmIntegrationsConfig(new ConfigReader({}));
    expect(config).toEqual({ actForUser: { default: 'allow', hosts: {} } });
    expect(actForUserPolicyOf(config, 'github.com')).toBe('allow');
  });

  it('applies per-host exceptions, case-insensitively', () => {
    const config = readScmIntegrationsConfig(
      new ConfigReader({
        scmIntegrations: {
          actForUser: {
            default: 'never',
            hosts: { 'GHE.example.com': 'allow' },
          },
          health: { rateLimitWarning: 10 },
        },
      }),
    );
    expect(actForUserPolicyOf(config, 'ghe.example.com')).toBe('allow');
    expect(actForUserPolicyOf(config, 'gitlab.com')).toBe('never');
  });

  it('refuses bad values naming the full key', () => {
    expect(() =>
      readScmIntegrationsConfig(
        new ConfigReader({
          scmIntegrations: {
            actForUser: { hosts: { 'ghe.example.com': 'maybe' }, extra: 1 },
          },
        }),
      ),
    ).toThrow(
      "Invalid scmIntegrations config: scmIntegrations.actForUser.hosts.ghe.example.com must be 'allow' or 'never'; scmIntegrations.actForUser.extra is not a known setting",
    );
  });
});
