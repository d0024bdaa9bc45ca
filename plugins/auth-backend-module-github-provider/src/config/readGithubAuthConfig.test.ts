import { ConfigReader } from '@backstage/config';
import { readGithubAuthConfig } from './readGithubAuthConfig';

const PATH = 'auth.providers.github.production';
const minimal = { clientId: 'id', clientSecret: 'very-secret-value' };
const read = (data: object) =>
  readGithubAuthConfig(new ConfigReader(data), PATH);

describe('readGithubAuthConfig', () => {
  it('defaults to github.com and the stable-id then verified-email chain', () => {
    expect(read(minimal)).toEqual({
      apiBaseUrl: 'https://api.github.com',
      resolvers: [
        { resolver: 'userIdMatchingUserEntityAnnotation' },
        { resolver: 'verifiedEmailMatchingUserEntityProfileEmail' },
      ],
    });
  });

  it('uses the GHE REST API under enterpriseInstanceUrl, and the configured chain with options', () => {
    expect(
      read({
        ...minimal,
        enterpriseInstanceUrl: 'https://ghe.example.com/',
        additionalScopes: ['read:org'],
        sessionDuration: '8h',
        signIn: {
          resolvers: [
            {
              resolver: 'verifiedEmailMatchingUserEntityProfileEmail',
              allowedDomains: ['example.com'],
            },
          ],
        },
      }),
    ).toEqual({
      apiBaseUrl: 'https://ghe.example.com/api/v3',
      resolvers: [
        {
          resolver: 'verifiedEmailMatchingUserEntityProfileEmail',
          options: { allowedDomains: ['example.com'] },
        },
      ],
    });
  });

  it.each([
    [{ clientId: 'id' }, `${PATH}.clientSecret: Required`],
    [
      { ...minimal, enterpriseInstanceUrl: 'ghe' },
      `${PATH}.enterpriseInstanceUrl`,
    ],
    [{ ...minimal, callbackUrl: 'nope' }, `${PATH}.callbackUrl`],
    [{ ...minimal, signIn: { resolvers: [] } }, `${PATH}.signIn.resolvers`],
    [
      { ...minimal, signIn: { resolvers: [{ allowedDomains: [] }] } },
      `${PATH}.signIn.resolvers[0].resolver`,
    ],
    [
      { ...minimal, enterpriseUrl: 'https://x' },
      `${PATH}.enterpriseUrl is not a known key`,
    ],
    [
      { ...minimal, sessionDuration: 'forever' },
      `${PATH}.sessionDuration is not a duration`,
    ],
  ])('names the key of invalid config %j', (data, message) => {
    expect(() => read(data)).toThrow(message);
  });

  it('never quotes the client secret', () => {
    expect(() => read({ ...minimal, clientId: 42 })).toThrow(
      expect.objectContaining({
        message: expect.not.stringContaining('very-secret-value'),
      }),
    );
  });
});
