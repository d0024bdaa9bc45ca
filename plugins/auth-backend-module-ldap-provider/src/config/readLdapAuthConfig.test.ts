import { ConfigReader } from '@backstage/config';
import { readLdapAuthConfig } from './readLdapAuthConfig';

const PATH = 'auth.providers.ldap.production';

const minimal = {
  url: 'ldaps://ldap.example.com',
  bind: { dn: 'cn=reader,dc=example,dc=com', password: 's3cret-value' },
  users: {
    baseDn: 'ou=people,dc=example,dc=com',
    filter: '(&(objectClass=inetOrgPerson)(uid={username}))',
  },
};

function read(data: object) {
  return readLdapAuthConfig(new ConfigReader(data as any), PATH);
}

describe('readLdapAuthConfig', () => {
  it('applies the defaults', () => {
    expect(read(minimal)).toEqual({
      configPath: PATH,
      vendor: 'auto',
      urls: ['ldaps://ldap.example.com'],
      bind: minimal.bind,
      tls: { ca: undefined, startTls: false, rejectUnauthorized: true },
      timeouts: { connectMs: 5000, operationMs: 5000 },
      users: {
        baseDn: 'ou=people,dc=example,dc=com',
        scope: 'sub',
        filter: minimal.users.filter,
        disabledFilter: undefined,
        attributes: { email: 'mail', displayName: 'displayName' },
      },
      dnTemplate: undefined,
      session: { durationMs: 8 * 3600_000, cookieName: undefined },
      recheckIntervalMs: 5 * 60_000,
      throttle: {
        perUsername: 5,
        perAddress: 20,
        windowMs: 15 * 60_000,
        maxLockMs: 60 * 60_000,
      },
      maxUsernameLength: 256,
    });
  });

  it('reads every key', () => {
    const config = read({
      vendor: 'activedirectory',
      urls: ['ldap://dc1.corp:389', 'ldap://dc2.corp:389'],
      bind: minimal.bind,
      tls: {
        ca: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
        startTls: true,
        rejectUnauthorized: false,
      },
      timeouts: { connect: 1000, operation: 2000 },
      users: {
        baseDn: 'dc=corp',
        scope: 'one',
        filter:
          '(&(objectCategory=person)(objectClass=user)(sAMAccountName={username}))',
        disabledFilter: '(employeeType=disabled)',
        attributes: {
          key: 'objectGUID',
          username: 'sAMAccountName',
          email: 'userPrincipalName',
          displayName: 'cn',
        },
      },
      session: { duration: '2h', cookieName: 'corp-session' },
      recheckInterval: { minutes: 1 },
      throttle: {
        perUsername: 3,
        perAddress: 10,
        window: '10m',
        maxLock: { hours: 2 },
      },
      maxUsernameLength: 64,
      signIn: { resolvers: [{ resolver: 'userNameMatchingUserEntityName' }] },
    });
    expect(config.urls).toHaveLength(2);
    expect(config.tls.ca).toEqual({ pem: expect.stringContaining('MIIB') });
    expect(config.session).toEqual({
      durationMs: 2 * 3600_000,
      cookieName: 'corp-session',
    });
    expect(config.recheckIntervalMs).toBe(60_000);
    expect(config.throttle).toEqual({
      perUsername: 3,
      perAddress: 10,
      windowMs: 600_000,
      maxLockMs: 7_200_000,
    });
    expect(config.users.attributes.key).toBe('objectGUID');
  });

  it('treats a CA without PEM marker as a file path', () => {
    expect(
      read({ ...minimal, tls: { ca: '/etc/ssl/corp-ca.pem' } }).tls.ca,
    ).toEqual({
      file: '/etc/ssl/corp-ca.pem',
    });
  });

  it('accepts a direct bind without service account', () => {
    const config = read({
      url: 'ldap://ldap:389',
      dnTemplate: 'uid={username},ou=people,dc=example,dc=com',
    });
    expect(config.dnTemplate).toBe(
      'uid={username},ou=people,dc=example,dc=com',
    );
    expect(config.bind).toBeUndefined();
  });

  it.each([
    [{ ...minimal, url: undefined }, `${PATH}.url or urls must be set`],
    [{ ...minimal, urls: ['ldap://b'] }, `${PATH}.url or urls must be set`],
    [{ ...minimal, url: 'http://ldap' }, `${PATH}.url must be an ldap://`],
    [
      { ...minimal, bind: { dn: minimal.bind.dn, password: '' } },
      `${PATH}.bind.password must not be empty`,
    ],
    [
      { ...minimal, bind: undefined },
      `${PATH}.bind is required for search-then-bind`,
    ],
    [
      { ...minimal, users: { ...minimal.users, filter: '(uid=alice)' } },
      `${PATH}.users.filter must contain {username}`,
    ],
    [
      { ...minimal, users: { ...minimal.users, filter: '(uid={username}' } },
      `${PATH}.users.filter is not a valid LDAP filter`,
    ],
    [
      { ...minimal, users: { ...minimal.users, baseDn: 'not a dn' } },
      `${PATH}.users.baseDn is not a valid DN`,
    ],
    [
      { ...minimal, dnTemplate: 'uid={username},dc=x' },
      `${PATH}.users.filter or dnTemplate must be set`,
    ],
    [
      { ...minimal, sessionDuration: '1h' },
      `${PATH}.sessionDuration is not a known setting`,
    ],
    [
      { ...minimal, throttle: { perUsername: 0 } },
      `${PATH}.throttle.perUsername`,
    ],
    [
      { ...minimal, session: { duration: 'forever' } },
      `${PATH}.session.duration is not a duration`,
    ],
    [{ ...minimal, vendor: 'novell' }, `${PATH}.vendor`],
  ])('names the full key of a problem (%#)', (data, message) => {
    expect(() => read(data)).toThrow(message);
  });

  it('never puts a password into an error', () => {
    let thrown: unknown;
    try {
      read({ ...minimal, url: 'http://x', tls: { startTls: 'yes' } });
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).name).toBe('InputError');
    expect(String(thrown)).not.toContain('s3cret-value');
  });
});
