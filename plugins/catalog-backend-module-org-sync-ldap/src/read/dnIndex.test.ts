import type {
  OrgSourceGroup,
  OrgSourceUser,
} from '@identity-portal/plugin-catalog-org-sync-node';
import { DnIndex } from './dnIndex';

const user = { key: 'u1' } as OrgSourceUser;
const group = { key: 'g1' } as OrgSourceGroup;

describe('DnIndex', () => {
  const index = new DnIndex();
  index.addUser('CN=Smith\\2C Jane,OU=Staff,DC=corp', user);
  index.addGroup('cn=web,ou=groups,dc=corp', group);

  it('finds DNs as returned with one lookup', () => {
    expect(index.find('CN=Smith\\2C Jane,OU=Staff,DC=corp')).toEqual({
      kind: 'user',
      user,
    });
    expect(index.find('cn=web,ou=groups,dc=corp')).toEqual({
      kind: 'group',
      group,
    });
    expect(index.misses).toBe(0);
  });

  it('finds other spellings of the same DN', () => {
    expect(index.userKey('cn=smith\\, jane, ou=staff, dc=corp')).toBe('u1');
    expect(index.find('CN=Web,OU=Groups,DC=Corp')?.kind).toBe('group');
    expect(index.userKey('cn=web,ou=groups,dc=corp')).toBeUndefined();
  });

  it('counts DNs that name nothing that was read', () => {
    const before = index.misses;
    expect(index.find('cn=other,dc=corp')).toBeUndefined();
    expect(index.find('not a dn \\')).toBeUndefined();
    expect(index.misses).toBe(before + 2);
    expect(index.size('user')).toBe(1);
  });
});
