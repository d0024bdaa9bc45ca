import {
  andFilters,
  composeUserFilter,
  escapeFilterValue,
  filterSyntaxError,
  notFilter,
  parenthesize,
  transitiveMembersFilter,
} from './filters';

describe('escapeFilterValue', () => {
  it.each([
    ['plain', 'plain'],
    ['a*b', 'a\\2ab'],
    ['(x)', '\\28x\\29'],
    ['back\\slash', 'back\\5cslash'],
    ['nul\0', 'nul\\00'],
    ['cn=Smith\\, Jane,ou=people', 'cn=Smith\\5c, Jane,ou=people'],
    ['Zoë 李伟', 'Zoë 李伟'],
  ])('escapes %j as %j', (value, expected) => {
    expect(escapeFilterValue(value)).toBe(expected);
  });
});

describe('composing filters', () => {
  it('wraps bare filters and combines them', () => {
    expect(parenthesize(' uid=* ')).toBe('(uid=*)');
    expect(andFilters('(a=1)')).toBe('(a=1)');
    expect(andFilters('a=1', undefined, '', '(b=2)')).toBe('(&(a=1)(b=2))');
    expect(andFilters()).toBe('(objectClass=*)');
    expect(notFilter('x=1')).toBe('(!(x=1))');
  });

  it('excludes disabled accounts unless they are included', () => {
    const options = {
      filter: '(objectClass=inetOrgPerson)',
      disabledFilter: '(employeeType=disabled)',
    };
    expect(composeUserFilter({ ...options, includeDisabled: false })).toBe(
      '(&(objectClass=inetOrgPerson)(!(employeeType=disabled)))',
    );
    expect(composeUserFilter({ ...options, includeDisabled: true })).toBe(
      '(objectClass=inetOrgPerson)',
    );
    expect(composeUserFilter({ filter: 'uid=*', includeDisabled: false })).toBe(
      '(uid=*)',
    );
  });

  it('builds the AD in-chain filter with the group DN escaped', () => {
    const filter = transitiveMembersFilter(
      '(objectClass=user)',
      'CN=R&D (Berlin)\\, West,OU=Groups,DC=corp',
    );
    expect(filter).toBe(
      '(&(objectClass=user)(memberOf:1.2.840.113556.1.4.1941:=CN=R&D \\28Berlin\\29\\5c, West,OU=Groups,DC=corp))',
    );
    expect(filterSyntaxError(filter)).toBeUndefined();
  });

  it('reports filters that do not parse', () => {
    expect(filterSyntaxError('(&(a=1)(b=2))')).toBeUndefined();
    expect(filterSyntaxError('uid=*')).toBeUndefined();
    expect(filterSyntaxError('(&(a=1)')).toEqual(expect.any(String));
  });
});
