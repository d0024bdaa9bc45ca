import type {
  OrgSourceGroup,
  OrgSourceUser,
} from '@identity-portal/plugin-catalog-org-sync-node';
import { DnIndex } from './dnIndex';
import { GroupRecord, UserRecord } from './records';
import { resolveMemberships } from './resolveMemberships';

function user(key: string, memberOfDns: string[] = []): UserRecord {
  const entity: OrgSourceUser = {
    key,
    name: key,
    identifiers: {},
    annotations: {},
    fields: {},
    memberOf: [],
  };
  return { user: entity, dn: `uid=${key},dc=x`, memberOfDns };
}

function group(
  key: string,
  memberDns: string[],
  memberOfDns: string[] = [],
): GroupRecord {
  const entity: OrgSourceGroup = {
    key,
    name: key,
    type: 'team',
    identifiers: {},
    annotations: {},
    fields: {},
    parents: [],
    children: [],
    members: [],
  };
  return { group: entity, dn: `cn=${key},dc=x`, memberDns, memberOfDns };
}

function indexOf(users: UserRecord[], groups: GroupRecord[]) {
  const index = new DnIndex();
  users.forEach(r => index.addUser(r.dn, r.user));
  groups.forEach(r => index.addGroup(r.dn, r.group));
  return index;
}

describe('resolveMemberships', () => {
  it('fills both sides from the member side', () => {
    const users = [user('ada'), user('bob')];
    const groups = [
      group('eng', ['cn=web,dc=x', 'uid=ada,dc=x', 'cn=outside,dc=y']),
      group('web', ['UID=BOB,DC=X', 'cn=web,dc=x']),
    ];
    const stats = resolveMemberships(users, groups, indexOf(users, groups));
    expect(stats.unresolved).toBe(1);
    expect(groups[0].group).toMatchObject({
      members: ['ada'],
      children: ['web'],
      parents: [],
    });
    // a group listing itself is ignored
    expect(groups[1].group).toMatchObject({
      members: ['bob'],
      children: [],
      parents: ['eng'],
    });
    expect(users.map(u => u.user.memberOf)).toEqual([['eng'], ['web']]);
    expect(groups[0].memberDns).toEqual([]);
  });

  it('fills both sides from the memberOf side', () => {
    const users = [user('ada', ['cn=eng,dc=x', 'cn=gone,dc=x'])];
    const groups = [group('eng', []), group('web', [], ['cn=eng,dc=x'])];
    const stats = resolveMemberships(users, groups, indexOf(users, groups));
    expect(stats.unresolved).toBe(1);
    expect(users[0].user.memberOf).toEqual(['eng']);
    expect(groups[0].group).toMatchObject({
      members: ['ada'],
      children: ['web'],
    });
    expect(groups[1].group.parents).toEqual(['eng']);
  });

  it('does not repeat edges read from both sides or set by a transformer', () => {
    const users = [user('ada', ['cn=eng,dc=x'])];
    users[0].user.memberOf.push('eng');
    const groups = [
      group('eng', ['uid=ada,dc=x', 'cn=web,dc=x']),
      group('web', [], ['cn=eng,dc=x']),
    ];
    resolveMemberships(users, groups, indexOf(users, groups));
    expect(users[0].user.memberOf).toEqual(['eng']);
    expect(groups[0].group.members).toEqual(['ada']);
    expect(groups[0].group.children).toEqual(['web']);
    expect(groups[1].group.parents).toEqual(['eng']);
  });
});
