import { ConfigReader } from '@backstage/config';
import { httpUrlSchema, readScmAuthConfig } from './readScmAuthConfig';

const PATH = 'auth.providers.forge.production';
const minimal = { clientId: 'id', clientSecret: 'very-secret-value' };
const read = (data: object) =>
  readScmAuthConfig(new ConfigReader(data), PATH, 'Forge', {
    instanceUrl: httpUrlSchema.optional(),
  });

describe('readScmAuthConfig', () => {
  it('defaults to the stable-id then verified-email chain', () => {
    expect(read(minimal)).toEqual({
      ...minimal,
      resolvers: [
        { resolver: 'userIdMatchingUserEntityAnnotation' },
        { resolver: 'verifiedEmailMatchingUserEntityProfileEmail' },
      ],
    });
  });

  it('returns the instance keys and the configured chain with its options', () => {
    expect(
      read({
        ...minimal,
        instanceUrl: 'https://forge.example.com',
        signIn: {
          resolvers: [
            { resolver: 'usernameMatchingUserEntityName' },
            {
              resolver: 'verifiedEmailMatchingUserEntityProfileEmail',
              allowedDomains: ['example.com'],
            },
          ],
        },
      }),
    ).toMatchObject({
      instanceUrl: 'https://forge.example.com',
      resolvers: [
        { resolver: 'usernameMatchingUserEntityName' },
        {
          resolver: 'verifiedEmailMatchingUserEntityProfileEmail',
          options: { allowedDomains: ['example.com'] },
        },
      ],
    });
  });

  it('lists every problem in one error naming the provider and each full key', () => {
    expect(() =>
      read({
        clientId: 'id',
        instanceUrl: 'ftp://forge.example.com',
        signIn: { resolvers: [{ resolver: 'x' }], extra: true },
      }),
    ).toThrow(
      `Invalid Forge sign-in config: ${PATH}.clientSecret: Required; ${PATH}.instanceUrl: must be an http(s) URL; ${PATH}.signIn.extra is not a known key`,
    );
  });

  it('refuses a sessionDuration that is not a duration, and never quotes the secret', () => {
    expect(() => read({ ...minimal, sessionDuration: 'forever' })).toThrow(
      `${PATH}.sessionDuration is not a duration`,
    );
    expect(() => read({ ...minimal, clientId: 42 })).toThrow(
      expect.objectContaining({
        message: expect.not.stringContaining('very-secret-value'),
      }),
    );
  });
});
