import type {
  OrgSourceGroup,
  OrgSourceProblem,
  OrgSourceReadResult,
  OrgSourceUser,
} from '@identity-portal/plugin-catalog-org-sync-node';
import { GitlabRequestError } from '../client/errors';
import type { GitlabSourceConfig } from '../config/types';
import { groupNames } from './groupPaths';
import type { GroupMembers } from './readMembers';
import type { GroupTree } from './readGroupTree';
import type { GitlabMember } from './types';

/** Annotation keys for a GitLab host name (no port), e.g. `gitlab.com/user-id`. */
export function annotationKeys(hostname: string) {
  return {
    userId: `${hostname}/user-id`,
    userLogin: `${hostname}/user-login`,
    groupPath: `${hostname}/group-path`,
  };
}

// Project, group and service-account bots: project_123_bot_abc, group_9_bot.
const BOT_USERNAME =
  /^(?:project|group)_\d+_bot(?:_[0-9a-f]+)?\d*$|^service_account_/;

/** Why a member is not synced, or undefined to sync it. */
export function leftOutBecause(
  member: GitlabMember,
  config: GitlabSourceConfig,
): 'blocked' | 'bot' | 'awaiting' | undefined {
  if (member.membership_state === 'awaiting') return 'awaiting';
  if (
    config.users.excludeBlocked &&
    member.state !== undefined &&
    member.state !== 'active'
  ) {
    return 'blocked';
  }
  if (
    config.users.excludeBots &&
    (member.bot === true || BOT_USERNAME.test(member.username))
  ) {
    return 'bot';
  }
  return undefined;
}

/** Counts of members left out, for the log line. */
export type LeftOut = Record<'blocked' | 'bot' | 'awaiting', number>;

function toUser(member: GitlabMember, hostname: string): OrgSourceUser {
  const keys = annotationKeys(hostname);
  const email = member.email || member.public_email || undefined;
  return {
    key: String(member.id),
    name: member.username,
    ...(member.name ? { displayName: member.name } : {}),
    ...(email ? { email } : {}),
    ...(member.avatar_url ? { picture: member.avatar_url } : {}),
    identifiers: email ? { email } : {},
    annotations: {
      [keys.userId]: String(member.id),
      [keys.userLogin]: member.username,
    },
    fields: {},
    memberOf: [],
  };
}

function failureProblem(
  failure: GroupMembers['failures'][number],
): OrgSourceProblem {
  const { group, error } = failure;
  const offsetLimit =
    error instanceof GitlabRequestError && error.isOffsetLimit
      ? ' (the group has more members than GitLab lets an offset-paginated list return)'
      : '';
  return {
    severity: 'error',
    code: 'group-members-failed',
    entry: group.full_path,
    key: String(group.id),
    message: `The members of GitLab group ${group.full_path} could not be read${offsetLimit}; the group stays as last committed: ${error.message}`,
  };
}

/**
 * Turns what was read into the source's users and groups. Users come only
 * from the member lists of the groups read; a group whose members could not
 * be read is left out and reported with its key, so the engine keeps it as
 * last committed.
 */
export function buildResult(options: {
  tree: GroupTree;
  members: GroupMembers;
  config: GitlabSourceConfig;
  hostname: string;
}): OrgSourceReadResult & { leftOut: LeftOut } {
  const { tree, members, config, hostname } = options;
  const keys = annotationKeys(hostname);
  const problems = [...tree.problems, ...members.failures.map(failureProblem)];
  const failed = new Set(members.failures.map(f => f.group.id));
  const names = groupNames(
    tree.root.full_path,
    tree.groups,
    config.groups.naming,
  );
  const inTree = new Set(tree.groups.map(g => g.id));

  const users = new Map<number, OrgSourceUser>();
  const leftOut: LeftOut = { blocked: 0, bot: 0, awaiting: 0 };
  const skipped = new Set<number>();
  const groups: OrgSourceGroup[] = [];
  const byKey = new Map<string, OrgSourceGroup>();

  for (const group of tree.groups) {
    if (failed.has(group.id)) continue;
    const memberKeys: string[] = [];
    for (const member of members.members.get(group.id) ?? []) {
      const reason = leftOutBecause(member, config);
      if (reason) {
        if (!skipped.has(member.id)) leftOut[reason]++;
        skipped.add(member.id);
        continue;
      }
      let user = users.get(member.id);
      if (!user) {
        user = toUser(member, hostname);
        users.set(member.id, user);
      }
      user.memberOf.push(String(group.id));
      memberKeys.push(user.key);
    }
    const parent =
      group.id !== tree.root.id &&
      group.parent_id !== undefined &&
      group.parent_id !== null &&
      inTree.has(group.parent_id)
        ? [String(group.parent_id)]
        : [];
    const item: OrgSourceGroup = {
      key: String(group.id),
      name: names.get(group.id)!,
      displayName: group.name,
      ...(group.description ? { description: group.description } : {}),
      ...(group.avatar_url ? { picture: group.avatar_url } : {}),
      type: config.groups.type,
      identifiers: {},
      annotations: { [keys.groupPath]: group.full_path },
      fields: {},
      parents: parent,
      children: [],
      members: [...new Set(memberKeys)],
    };
    groups.push(item);
    byKey.set(item.key, item);
  }
  for (const group of groups) {
    for (const parent of group.parents)
      byKey.get(parent)?.children.push(group.key);
  }
  for (const user of users.values()) {
    user.memberOf = [...new Set(user.memberOf)];
  }

  return {
    users: [...users.values()],
    groups,
    complete: tree.complete && members.failures.length === 0,
    problems,
    leftOut,
  };
}
