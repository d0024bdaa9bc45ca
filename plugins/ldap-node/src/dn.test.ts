import {
  escapeDnValue,
  firstRdnValue,
  isValidDn,
  normalizeDn,
  tryNormalizeDn,
} from './dn';

describe('normalizeDn', () => {
  it.each([
    [
      'uid=jsmith,ou=people,dc=example,dc=com',
      'UID=JSmith,OU=People,DC=Example,DC=Com',
    ],
    [
      'cn=Smith\\2C Jane,ou=people,dc=example,dc=com',
      'cn=Smith\\, Jane,ou=people,dc=example,dc=com',
    ],
    [
      'cn=Smith\\2c Jane,ou=people,dc=example,dc=com',
      'CN=SMITH\\, JANE,OU=PEOPLE,DC=EXAMPLE,DC=COM',
    ],
    ['cn=Zo\\C3\\AB Hoffmann,dc=example', 'cn=Zoë Hoffmann,dc=example'],
    ['cn=ZOË HOFFMANN,dc=example', 'cn=zoë hoffmann,dc=example'],
    ['cn=a,ou=b,dc=c', 'cn=a, ou=b , dc=c'],
    ['cn=a,ou=b,dc=c', ' cn = a ,ou=b,dc=c '],
    ['cn=a,ou=b,dc=c', 'cn=a;ou=b;dc=c'],
    ['cn="Smith, Jane",dc=c', 'cn=Smith\\, Jane,dc=c'],
    ['cn=a+uid=b,dc=c', 'UID=b+CN=a,dc=c'],
    ['cn=trailing\\ ,dc=c', 'cn=trailing\\20,dc=c'],
    ['cn=\\#hash,dc=c', 'cn=\\23hash,dc=c'],
    ['cn=a\\\\b,dc=c', 'cn=a\\5Cb,dc=c'],
    ['cn=a=b,dc=c', 'cn=a\\=b,dc=c'],
    ['cn=a<b,dc=c', 'cn=a\\<b,dc=c'],
    ['cn=李伟,dc=c', 'cn=\\E6\\9D\\8E\\E4\\BC\\9F,dc=c'],
  ])('treats %j and %j as the same DN', (a, b) => {
    expect(normalizeDn(a)).toBe(normalizeDn(b));
  });

  it.each([
    ['cn=Smith\\, Jane,dc=c', 'cn=Smith\\, John,dc=c'],
    ['cn=a\\ ,dc=c', 'cn=a,dc=c'],
    ['cn=\\#04,dc=c', 'cn=#04,dc=c'],
    ['cn=a+uid=b,dc=c', 'cn=a,uid=b,dc=c'],
  ])('keeps %j and %j apart', (a, b) => {
    expect(normalizeDn(a)).not.toBe(normalizeDn(b));
  });

  it('lower-cases the common case without parsing', () => {
    expect(normalizeDn('uid=JSmith,ou=People,dc=Example,dc=com')).toBe(
      'uid=jsmith,ou=people,dc=example,dc=com',
    );
  });

  it('writes a canonical form with minimal escapes', () => {
    expect(normalizeDn('CN=Smith\\2C Jane, OU=People')).toBe(
      'cn=smith\\, jane,ou=people',
    );
  });

  it.each(['cn=a\\', 'cn="open,dc=c', 'cn=a+,dc=c'])(
    'cannot normalise the malformed DN %j',
    dn => {
      expect(() => normalizeDn(dn)).toThrow();
      expect(tryNormalizeDn(dn)).toBeUndefined();
    },
  );

  it('accepts the empty DN (the RootDSE)', () => {
    expect(normalizeDn('')).toBe('');
  });
});

describe('isValidDn', () => {
  it.each([
    'uid=a,ou=people,dc=example,dc=com',
    'cn=Smith\\, Jane,dc=c',
    'o=Example\\, Inc.,c=US',
  ])('accepts %j', dn => {
    expect(isValidDn(dn)).toBe(true);
  });

  it.each(['', 'cn', '=a,dc=c', 'example.com', 'cn=a,', 'cn=a\\'])(
    'rejects %j',
    dn => {
      expect(isValidDn(dn)).toBe(false);
    },
  );
});

describe('firstRdnValue', () => {
  it.each([
    ['uid=jsmith,ou=people,dc=example,dc=com', 'jsmith'],
    ['cn=Smith\\2C Jane,ou=people', 'Smith, Jane'],
    ['cn=Smith\\, Jane,ou=people', 'Smith, Jane'],
    ['CN=Zo\\C3\\AB,DC=x', 'Zoë'],
    ['cn=a+uid=b,dc=c', 'a'],
    ['', ''],
    ['not a dn', ''],
  ])('of %j is %j', (dn, value) => {
    expect(firstRdnValue(dn)).toBe(value);
  });
});

describe('escapeDnValue', () => {
  it.each([
    ['jsmith', 'jsmith'],
    ['Smith, Jane', 'Smith\\, Jane'],
    ['a+b=c;d<e>f"g\\h', 'a\\+b\\=c\\;d\\<e\\>f\\"g\\\\h'],
    ['#lead', '\\#lead'],
    [' both ', '\\ both\\ '],
    ['nul\0x', 'nul\\00x'],
    ['łódź', 'łódź'],
  ])('escapes %j', (value, expected) => {
    expect(escapeDnValue(value)).toBe(expected);
    expect(isValidDn(`uid=${escapeDnValue(value)},dc=example`)).toBe(true);
    expect(firstRdnValue(`uid=${escapeDnValue(value)},dc=example`)).toBe(value);
  });
});
