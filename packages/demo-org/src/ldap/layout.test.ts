import { InputError } from '@backstage/errors';
import { DemoPerson } from '../model';
import { generateOrg } from '../scale';
import { assertUniquePersonDns, ldapLayout } from './layout';

const jane: DemoPerson = {
  id: 'jane-smith',
  displayName: 'Smith, Jane',
  givenName: 'Jane',
  surname: 'Smith',
  email: 'jane.smith@example.com',
  ldap: { uid: 'jsmith', password: 'x' },
  teams: [],
  roles: [],
  disabled: false,
};

describe('ldapLayout', () => {
  it('defaults to dc=example,dc=com with people, groups and services OUs', () => {
    const layout = ldapLayout();
    expect(layout.baseDn).toBe('dc=example,dc=com');
    expect(layout.baseRdn).toEqual({ attribute: 'dc', value: 'example' });
    expect(layout.peopleDn).toBe('ou=people,dc=example,dc=com');
    expect(layout.groupsDn).toBe('ou=groups,dc=example,dc=com');
    expect(layout.servicesDn).toBe('ou=services,dc=example,dc=com');
    expect(layout.serviceAccountDn()).toBe(
      'cn=portal-reader,ou=services,dc=example,dc=com',
    );
    expect(layout.teamDn('sre')).toBe('cn=sre,ou=groups,dc=example,dc=com');
  });

  it('names people by uid by default', () => {
    expect(ldapLayout().personDn(jane)).toBe(
      'uid=jsmith,ou=people,dc=example,dc=com',
    );
  });

  it('escapes the display name when people are named by cn', () => {
    const layout = ldapLayout({ personRdnAttribute: 'cn' });
    expect(layout.personDn(jane)).toBe(
      'cn=Smith\\, Jane,ou=people,dc=example,dc=com',
    );
    expect(layout.personRdnValue(jane)).toBe('Smith, Jane');
  });

  it('uses the given base DN and unescapes its first RDN value', () => {
    const layout = ldapLayout({ baseDn: 'o=Example\\, Inc.,c=US' });
    expect(layout.peopleDn).toBe('ou=people,o=Example\\, Inc.,c=US');
    expect(layout.baseRdn).toEqual({ attribute: 'o', value: 'Example, Inc.' });
    expect(ldapLayout({ baseDn: 'dc=caf\\C3\\A9,dc=fr' }).baseRdn.value).toBe(
      'café',
    );
  });

  it('rejects a base DN that is not a DN', () => {
    expect(() => ldapLayout({ baseDn: 'example.com' })).toThrow(InputError);
    expect(() => ldapLayout({ baseDn: '' })).toThrow(
      'base DN "" must start with an RDN like "dc=example"',
    );
  });
});

describe('assertUniquePersonDns', () => {
  it('accepts the uid layout and the cn layout of a generated org', () => {
    const org = generateOrg({ people: 3000, groups: 50, seed: 7 });
    expect(() => assertUniquePersonDns(org, ldapLayout())).not.toThrow();
    expect(() =>
      assertUniquePersonDns(org, ldapLayout({ personRdnAttribute: 'cn' })),
    ).not.toThrow();
  });

  it('rejects two people whose cn differs only in case', () => {
    const org = {
      company: { name: 'Example Corp', emailDomain: 'example.com' },
      teams: [],
      people: [
        jane,
        {
          ...jane,
          id: 'jane-smith-2',
          displayName: 'SMITH, JANE',
          ldap: { uid: 'jsmith2', password: 'y' },
        },
      ],
    };
    expect(() =>
      assertUniquePersonDns(org, ldapLayout({ personRdnAttribute: 'cn' })),
    ).toThrow(
      'person "jane-smith-2" would get the same DN as person "jane-smith"',
    );
  });
});
