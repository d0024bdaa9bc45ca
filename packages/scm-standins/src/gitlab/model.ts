import {
  GitlabAccessLevel,
  GitlabFixture,
  GitlabFixtureGroup,
  GitlabFixtureUser,
} from './fixture';

/** A member as the members endpoints list it. */
export interface GitlabMembership {
  user: GitlabFixtureUser;
  accessLevel: GitlabAccessLevel;
  /** The group the membership is held in (itself or an ancestor). */
  source: GitlabFixtureGroup;
}

/** The fixture with the lookups the REST handlers need. */
export class GitlabModel {
  private readonly usersById = new Map<number, GitlabFixtureUser>();
  private readonly usersByName = new Map<string, GitlabFixtureUser>();
  private readonly groupsById = new Map<number, GitlabFixtureGroup>();
  private readonly groupsByPath = new Map<string, GitlabFixtureGroup>();
  private readonly children = new Map<number, GitlabFixtureGroup[]>();
  /** Users sorted by id, ascending (listing order). */
  readonly usersAscending: GitlabFixtureUser[];
  /** Groups sorted by id, ascending. */
  readonly groupsAscending: GitlabFixtureGroup[];

  constructor(readonly fixture: GitlabFixture) {
    for (const user of fixture.users) {
      this.usersById.set(user.id, user);
      this.usersByName.set(user.username.toLowerCase(), user);
    }
    for (const group of fixture.groups) {
      this.groupsById.set(group.id, group);
      this.groupsByPath.set(group.fullPath.toLowerCase(), group);
      if (group.parentId !== undefined) {
        const siblings = this.children.get(group.parentId) ?? [];
        siblings.push(group);
        this.children.set(group.parentId, siblings);
      }
      for (const member of group.members) {
        if (!this.usersById.has(member.userId)) {
          throw new Error(
            `GitLab fixture: group ${group.fullPath} member ${member.userId} is not a user`,
          );
        }
      }
    }
    this.usersAscending = [...fixture.users].sort((a, b) => a.id - b.id);
    this.groupsAscending = [...fixture.groups].sort((a, b) => a.id - b.id);
  }

  user(id: number): GitlabFixtureUser | undefined {
    return this.usersById.get(id);
  }

  userByUsername(username: string): GitlabFixtureUser | undefined {
    return this.usersByName.get(username.toLowerCase());
  }

  /** A group by numeric id or full path (case-insensitive). */
  group(idOrPath: string): GitlabFixtureGroup | undefined {
    return /^\d+$/.test(idOrPath)
      ? this.groupsById.get(Number(idOrPath))
      : this.groupsByPath.get(idOrPath.toLowerCase());
  }

  groupById(id: number): GitlabFixtureGroup | undefined {
    return this.groupsById.get(id);
  }

  subgroups(group: GitlabFixtureGroup): GitlabFixtureGroup[] {
    return this.children.get(group.id) ?? [];
  }

  /** Every group below a group, depth first in id order. */
  descendants(group: GitlabFixtureGroup): GitlabFixtureGroup[] {
    const result: GitlabFixtureGroup[] = [];
    const stack = [...this.subgroups(group)].reverse();
    while (stack.length) {
      const current = stack.pop()!;
      result.push(current);
      stack.push(...[...this.subgroups(current)].reverse());
    }
    return result;
  }

  ancestors(group: GitlabFixtureGroup): GitlabFixtureGroup[] {
    const result: GitlabFixtureGroup[] = [];
    let current =
      group.parentId !== undefined
        ? this.groupsById.get(group.parentId)
        : undefined;
    while (current && !result.includes(current)) {
      result.push(current);
      current =
        current.parentId !== undefined
          ? this.groupsById.get(current.parentId)
          : undefined;
    }
    return result;
  }

  /** Direct members of a group. */
  directMembers(group: GitlabFixtureGroup): GitlabMembership[] {
    return group.members.map(member => ({
      user: this.usersById.get(member.userId)!,
      accessLevel: member.accessLevel,
      source: group,
    }));
  }

  /**
   * Direct plus inherited members (from ancestor groups), each user once
   * with the highest access level, like GitLab's `/members/all`.
   */
  allMembers(group: GitlabFixtureGroup): GitlabMembership[] {
    const byUser = new Map<number, GitlabMembership>();
    for (const source of [group, ...this.ancestors(group)]) {
      for (const membership of this.directMembers(source)) {
        const known = byUser.get(membership.user.id);
        if (!known || known.accessLevel < membership.accessLevel) {
          byUser.set(membership.user.id, membership);
        }
      }
    }
    return [...byUser.values()];
  }
}
