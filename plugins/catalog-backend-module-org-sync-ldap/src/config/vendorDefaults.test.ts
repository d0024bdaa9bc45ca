import { resolveGroupSearch, resolveUserSearch } from './vendorDefaults';
import { LdapGroupsConfig, LdapUsersConfig } from './types';

const users: LdapUsersConfig = {
  baseDn: 'ou=people,dc=example,dc=com',
  scope: 'sub',
  includeDisabled: false,
  attributes: {},
  fields: {},
  extraAttributes: [],
};

const groups: LdapGroupsConfig = {
  baseDn: 'ou=groups,dc=example,dc=com',
  scope: 'sub',
  type: 'team',
  attributes: {},
  fields: {},
  extraAttributes: [],
  transitiveMembers: false,
};

describe('resolveUserSearch', () => {
  it('uses entryUUID, uid and no disabled filter on OpenLDAP', () => {
    const search = resolveUserSearch(users, 'openldap', 'both');
    expect(search.filter).toBe('(objectClass=inetOrgPerson)');
    expect(search.attributes).toEqual({
      key: 'entryUUID',
      name: 'uid',
      displayName: 'cn',
      email: 'mail',
      picture: undefined,
      description: 'description',
      memberOf: 'memberOf',
    });
    expect(search.identifiers).toEqual({ email: 'mail' });
  });

  it('applies a configured disabled filter on OpenLDAP', () => {
    expect(
      resolveUserSearch(
        { ...users, disabledFilter: '(employeeType=disabled)' },
        'openldap',
        'member',
      ).filter,
    ).toBe('(&(objectClass=inetOrgPerson)(!(employeeType=disabled)))');
  });

  it('uses objectGUID, sAMAccountName and excludes disabled accounts on AD', () => {
    const search = resolveUserSearch(users, 'activedirectory', 'member');
    expect(search.filter).toBe(
      '(&(&(objectCategory=person)(objectClass=user))(!(userAccountControl:1.2.840.113556.1.4.803:=2)))',
    );
    expect(search.attributes.key).toBe('objectGUID');
    expect(search.attributes.name).toBe('sAMAccountName');
    expect(
      resolveUserSearch(
        { ...users, includeDisabled: true },
        'activedirectory',
        'member',
      ).filter,
    ).toBe('(&(objectCategory=person)(objectClass=user))');
  });

  it('lets config override and switch off attributes', () => {
    const search = resolveUserSearch(
      {
        ...users,
        filter: '(uid=*)',
        attributes: { name: 'mail', email: '', memberOf: '' },
        identifiers: { employeeId: 'employeeNumber' },
      },
      'openldap',
      'both',
    );
    expect(search.filter).toBe('(uid=*)');
    expect(search.attributes.name).toBe('mail');
    expect(search.attributes.email).toBeUndefined();
    expect(search.attributes.memberOf).toBeUndefined();
    expect(search.identifiers).toEqual({ employeeId: 'employeeNumber' });
    expect(
      resolveUserSearch(
        { ...users, attributes: { email: '' } },
        'openldap',
        'member',
      ).identifiers,
    ).toEqual({});
  });
});

describe('resolveGroupSearch', () => {
  it('has defaults per vendor', () => {
    expect(resolveGroupSearch(groups, 'openldap', 'both')).toMatchObject({
      filter: '(objectClass=groupOfNames)',
      attributes: {
        key: 'entryUUID',
        name: 'cn',
        members: 'member',
        memberOf: 'memberOf',
      },
      identifiers: {},
    });
    expect(
      resolveGroupSearch(groups, 'activedirectory', 'member'),
    ).toMatchObject({
      filter: '(objectClass=group)',
      attributes: { key: 'objectGUID', name: 'sAMAccountName', email: 'mail' },
      identifiers: { email: 'mail' },
    });
  });

  it('reads only the side of memberships that is asked for', () => {
    const attributes = (memberships: 'member' | 'memberOf' | 'both') => [
      resolveUserSearch(users, 'openldap', memberships).attributes.memberOf,
      resolveGroupSearch(groups, 'openldap', memberships).attributes.members,
      resolveGroupSearch(groups, 'openldap', memberships).attributes.memberOf,
    ];
    expect(attributes('member')).toEqual([undefined, 'member', undefined]);
    expect(attributes('memberOf')).toEqual(['memberOf', undefined, 'memberOf']);
    expect(attributes('both')).toEqual(['memberOf', 'member', 'memberOf']);
  });
});
