import type { GitlabClient } from '../client/GitlabClient';
import type { GitlabSourceConfig } from '../config/types';
import { mapConcurrent } from './mapConcurrent';
import type { GitlabGroup, GitlabMember } from './types';

/** The members of each group that could be read, and the groups that could not. */
export interface GroupMembers {
  members: Map<number, GitlabMember[]>;
  failures: Array<{ group: GitlabGroup; error: Error }>;
}

/**
 * Reads the member list of every group, `config.concurrency` lists at a
 * time: `GET /groups/:id/members` (direct) or `/groups/:id/members/all`
 * (inherited), every page. A group whose list fails (after retries) is a
 * failure of that group only; an abort stops everything.
 */
export async function readMembers(options: {
  client: GitlabClient;
  config: GitlabSourceConfig;
  groups: GitlabGroup[];
  signal: AbortSignal;
}): Promise<GroupMembers> {
  const { client, config, groups, signal } = options;
  const suffix =
    config.membership === 'inherited' ? '/members/all' : '/members';
  const members = new Map<number, GitlabMember[]>();
  const failures: GroupMembers['failures'] = [];
  await mapConcurrent(groups, config.concurrency, async group => {
    const list: GitlabMember[] = [];
    try {
      for await (const page of client.pages<GitlabMember>(
        `/groups/${group.id}${suffix}`,
        { per_page: config.pageSize },
        signal,
      )) {
        list.push(...page);
      }
      members.set(group.id, list);
    } catch (error) {
      if (signal.aborted) throw error;
      failures.push({ group, error: error as Error });
    }
  });
  return { members, failures };
}
