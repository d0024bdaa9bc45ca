import type {
  OrgSourceGroup,
  OrgSourceUser,
} from '@identity-portal/plugin-catalog-org-sync-node';
import type { DnIndex } from './dnIndex';
import type { GroupRecord, UserRecord } from './records';

/** How many membership DNs pointed at nothing that was read. */
export interface ResolveStats {
  unresolved: number;
}

function dedupe(list: string[]): string[] {
  return list.length > 1 ? [...new Set(list)] : list;
}

/**
 * Turns membership DNs into keys once both searches are done, and fills both
 * sides of every edge, whichever side it was read from:
 * - a group's member DN naming a user: the user is in the group's `members`
 *   and the group in the user's `memberOf`;
 * - a group's member DN naming a group: `children` of the one, `parents` of
 *   the other;
 * - a user's or group's `memberOf` DN: the same edges seen from below.
 *
 * DNs of entries that were not read (outside the base DNs, filtered out,
 * skipped) are dropped and counted. Keys a transformer already put into the
 * lists are kept. Lists are free of duplicates. The DN lists of the records
 * are released.
 */
export function resolveMemberships(
  users: UserRecord[],
  groups: GroupRecord[],
  index: DnIndex,
): ResolveStats {
  const stats: ResolveStats = { unresolved: 0 };
  // Each edge is added once per side it was read from, so lists need
  // de-duplicating only when both sides were read or a transformer filled
  // them already.
  let mayRepeat = false;
  for (const { user } of users) {
    mayRepeat ||= user.memberOf.length > 0;
  }
  for (const { group } of groups) {
    mayRepeat ||=
      group.members.length + group.children.length + group.parents.length > 0;
  }

  const addUser = (group: OrgSourceGroup, user: OrgSourceUser) => {
    group.members.push(user.key);
    user.memberOf.push(group.key);
  };
  const addChild = (group: OrgSourceGroup, child: OrgSourceGroup) => {
    if (child !== group) {
      group.children.push(child.key);
      child.parents.push(group.key);
    }
  };

  let memberSide = false;
  for (const record of groups) {
    for (const dn of record.memberDns) {
      memberSide = true;
      const target = index.find(dn);
      if (!target) {
        stats.unresolved++;
      } else if (target.kind === 'user') {
        addUser(record.group, target.user);
      } else {
        addChild(record.group, target.group);
      }
    }
    record.memberDns = [];
  }

  let memberOfSide = false;
  const parentOf = (dn: string) => {
    memberOfSide = true;
    const target = index.find(dn);
    if (target?.kind === 'group') {
      return target.group;
    }
    stats.unresolved++;
    return undefined;
  };
  for (const record of users) {
    for (const dn of record.memberOfDns) {
      const parent = parentOf(dn);
      if (parent) {
        addUser(parent, record.user);
      }
    }
    record.memberOfDns = [];
  }
  for (const record of groups) {
    for (const dn of record.memberOfDns) {
      const parent = parentOf(dn);
      if (parent) {
        addChild(parent, record.group);
      }
    }
    record.memberOfDns = [];
  }

  if (mayRepeat || (memberSide && memberOfSide)) {
    for (const { user } of users) {
      user.memberOf = dedupe(user.memberOf);
    }
    for (const { group } of groups) {
      group.members = dedupe(group.members);
      group.children = dedupe(group.children);
      group.parents = dedupe(group.parents);
    }
  }
  return stats;
}
