import { ConfigReader } from '@backstage/config';
import { readGitlabAuthConfig } from './readGitlabAuthConfig';

const PATH = 'auth.providers.gitlab.production';
const minimal = { clientId: 'id', clientSecret: 'very-secret-value' };
const read = (data: object) =>
  readGitlabAuthConfig(new ConfigReader(data), PATH);

describe('readGitlabAuthConfig', () => {
  it('defaults to gitlab.com and the stable-id then verified-email chain', () => {
    expect(read(minimal)).toEqual({
      audience: 'https://gitlab.com',
      userIdAnnotation: 'gitlab.com/user-id',
      resolvers: [
        { resolver: 'userIdMatchingUserEntityAnnotation' },
        { resolver: 'verifiedEmailMatchingUserEntityProfileEmail' },
      ],
    });
  });

  it('names the annotation after the hostname of a self-managed audience, without port', () => {
    expect(
      read({ ...minimal, audience: 'https://gitlab.example.com:8443/' }),
    ).toMatchObject({
      audience: 'https://gitlab.example.com:8443',
      userIdAnnotation: 'gitlab.example.com/user-id',
    });
  });

  it.each([
    [{ clientSecret: 'x' }, `${PATH}.clientId: Required`],
    [{ ...minimal, audience: 'gitlab.example.com' }, `${PATH}.audience`],
    [
      { ...minimal, baseUrl: 'https://x' },
      `${PATH}.baseUrl is not a known key`,
    ],
    [{ ...minimal, signIn: {} }, `${PATH}.signIn.resolvers: Required`],
    [
      { ...minimal, sessionDuration: 'forever' },
      `${PATH}.sessionDuration is not a duration`,
    ],
  ])('names the key of invalid config %j', (data, message) => {
    expect(() => read(data)).toThrow(message);
  });
});
