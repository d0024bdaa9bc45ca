import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readLdapSourceConfig } from './readLdapSourceConfig';

const PATH = 'catalog.providers.orgSync.corp.sources.ldap.main';
const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

const minimal = {
  url: 'ldap://ldap.example.com',
  bind: { dn: 'cn=reader,dc=example,dc=com', password: 's3cret-value' },
  users: { baseDn: 'ou=people,dc=example,dc=com' },
};

function read(data: object) {
  return readLdapSourceConfig(new ConfigReader(data as any), PATH);
}

function errorOf(data: object): Error {
  try {
    read(data);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the config to be rejected');
}

describe('readLdapSourceConfig', () => {
  it('applies the defaults', () => {
    expect(read(minimal)).toEqual({
      vendor: 'auto',
      urls: ['ldap://ldap.example.com'],
      bind: minimal.bind,
      tls: { ca: undefined, startTls: false, rejectUnauthorized: true },
      timeouts: { connectMs: 10_000, operationMs: 60_000 },
      pageSize: 1000,
      memberships: 'member',
      users: {
        baseDn: 'ou=people,dc=example,dc=com',
        scope: 'sub',
        includeDisabled: false,
        attributes: {},
        fields: {},
        extraAttributes: [],
      },
      groups: undefined,
    });
  });

  it('reads a complete source', () => {
    const config = read({
      vendor: 'activedirectory',
      urls: [
        'ldaps://dc1.corp.example.com',
        'ldaps://dc2.corp.example.com:3269',
      ],
      bind: { dn: 'svc-backstage@corp.example.com', password: 'pw' },
      tls: { ca: '/etc/ssl/corp-ca.pem', rejectUnauthorized: true },
      timeouts: {
        connect: { seconds: 5 },
        operation: { minutes: 2, milliseconds: 5 },
      },
      pageSize: 500,
      users: {
        baseDn: 'OU=Staff,DC=corp,DC=example,DC=com',
        scope: 'one',
        filter: 'objectClass=user',
        includeDisabled: true,
        attributes: {
          name: 'userPrincipalName',
          picture: 'thumbnailPhotoUrl',
          memberOf: '',
        },
        identifiers: { email: 'mail', employeeId: 'employeeID' },
        fields: {
          'metadata.annotations.example.com/department': 'department',
          'metadata.labels.title': 'title',
          'spec.profile.picture': 'photoUrl',
        },
        extraAttributes: ['manager'],
      },
      groups: {
        baseDn: 'OU=Groups,DC=corp,DC=example,DC=com',
        type: 'department',
        transitiveMembers: true,
        attributes: { members: 'member' },
      },
    });
    expect(config.urls).toHaveLength(2);
    expect(config.tls.ca).toEqual({ file: '/etc/ssl/corp-ca.pem' });
    expect(config.timeouts).toEqual({ connectMs: 5000, operationMs: 120_005 });
    expect(config.users.attributes.memberOf).toBe('');
    expect(config.users.filter).toBe('objectClass=user');
    expect(config.groups).toMatchObject({
      scope: 'sub',
      type: 'department',
      transitiveMembers: true,
    });
  });

  it('takes inline PEM as the CA bundle', () => {
    expect(read({ ...minimal, tls: { ca: PEM } }).tls.ca).toEqual({
      pem: PEM.trim(),
    });
  });

  it('allows leaving out bind (anonymous)', () => {
    const { bind: _bind, ...anonymous } = minimal;
    expect(read(anonymous).bind).toBeUndefined();
  });

  it('rejects an empty password, naming the full key', () => {
    const error = errorOf({ ...minimal, bind: { dn: 'cn=x', password: '' } });
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain(`${PATH}.bind.password must not be empty`);
    expect(error.message).toContain('anonymous bind');
  });

  it('never puts the password into a message', () => {
    const error = errorOf({
      ...minimal,
      pageSize: 0,
      tls: { startTls: 'yes' },
    });
    expect(error.message).not.toContain('s3cret-value');
    expect(error.message).toContain(`${PATH}.pageSize`);
    expect(error.message).toContain(`${PATH}.tls.startTls`);
  });

  it.each([
    [{ users: minimal.users }, `${PATH}.url is required (or \`urls\``],
    [
      { ...minimal, urls: ['ldap://b'] },
      `${PATH}.urls cannot be combined with \`url\``,
    ],
    [
      { ...minimal, url: 'http://ldap.example.com' },
      `${PATH}.url "http://ldap.example.com" must start with ldap:// or ldaps://`,
    ],
    [
      { ...minimal, url: 'ldap://host/dc=example,dc=com' },
      `${PATH}.url "ldap://host/dc=example,dc=com" must be only`,
    ],
    [
      { ...minimal, url: undefined, urls: [] },
      `${PATH}.urls must list at least one URL`,
    ],
    [
      { ...minimal, url: undefined, urls: ['ldap://a', 'nope'] },
      `${PATH}.urls.1 "nope" is not a URL`,
    ],
    [
      { ...minimal, url: 'ldaps://a', tls: { startTls: true } },
      `${PATH}.tls.startTls cannot be used with ldaps:// URLs`,
    ],
    [{ ...minimal, vendor: 'novell' }, `${PATH}.vendor Invalid enum value`],
    [
      { ...minimal, bind: { dn: '', password: 'x' } },
      `${PATH}.bind.dn must not be empty`,
    ],
    [{ ...minimal, bind: { dn: 'cn=x' } }, `${PATH}.bind.password is required`],
    [{ url: minimal.url }, `${PATH}.users is required`],
    [
      { ...minimal, users: { baseDn: 'example.com' } },
      `${PATH}.users.baseDn is not a valid DN`,
    ],
    [
      { ...minimal, users: { ...minimal.users, filter: '(&(a=1)' } },
      `${PATH}.users.filter is not a valid LDAP filter`,
    ],
    [
      { ...minimal, users: { ...minimal.users, disabledFilter: '(a' } },
      `${PATH}.users.disabledFilter is not a valid LDAP filter`,
    ],
    [
      { ...minimal, users: { ...minimal.users, scope: 'base' } },
      `${PATH}.users.scope Invalid enum value`,
    ],
    [
      { ...minimal, users: { ...minimal.users, basedn: 'x' } },
      `${PATH}.users.basedn is not a known setting`,
    ],
    [
      { ...minimal, users: { ...minimal.users, attributes: { name: '*' } } },
      `${PATH}.users.attributes.name must be one attribute name`,
    ],
    [
      { ...minimal, users: { ...minimal.users, attributes: { key: '' } } },
      `${PATH}.users.attributes.key must be one attribute name`,
    ],
    [
      {
        ...minimal,
        users: { ...minimal.users, fields: { 'spec.memberOf': 'memberOf' } },
      },
      `${PATH}.users.fields.spec.memberOf must be metadata.title`,
    ],
    [
      {
        ...minimal,
        users: { ...minimal.users, identifiers: { '1x': 'mail' } },
      },
      `${PATH}.users.identifiers.1x identifier names start with a letter`,
    ],
    [
      { ...minimal, users: { ...minimal.users, extraAttributes: ['+'] } },
      `${PATH}.users.extraAttributes.0 must be one attribute name`,
    ],
    [
      { ...minimal, timeouts: { connect: { secs: 3 } } },
      `${PATH}.timeouts.connect.secs is not a known setting`,
    ],
    [
      { ...minimal, timeouts: { operation: {} } },
      `${PATH}.timeouts.operation must be a positive duration`,
    ],
    [
      { ...minimal, timeouts: { operation: 5000 } },
      `${PATH}.timeouts.operation Expected object, received number`,
    ],
    [{ ...minimal, pageSize: 2.5 }, `${PATH}.pageSize Expected integer`],
    [
      {
        ...minimal,
        vendor: 'openldap',
        groups: { baseDn: 'ou=g,dc=x', transitiveMembers: true },
      },
      `${PATH}.groups.transitiveMembers needs Active Directory`,
    ],
    [
      {
        ...minimal,
        groups: { baseDn: 'ou=g,dc=x', attributes: { members: '' } },
      },
      `${PATH}.groups.attributes.members must name an attribute when memberships is "member"`,
    ],
    [
      { ...minimal, memberships: 'all' },
      `${PATH}.memberships Invalid enum value`,
    ],
    [
      { ...minimal, groups: { baseDn: 'ou=g,dc=x', type: '' } },
      `${PATH}.groups.type must not be empty`,
    ],
  ])('rejects %j', (data, message) => {
    const error = errorOf(data);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain(message);
  });

  it('lists every problem at once', () => {
    const error = errorOf({ users: { baseDn: '' }, pageSize: -1 });
    expect(error.message).toContain(`${PATH}.url is required`);
    expect(error.message).toContain(`${PATH}.users.baseDn must not be empty`);
    expect(error.message).toContain(`${PATH}.pageSize`);
  });
});
