import type { OrgSourceProblem } from '@identity-portal/plugin-catalog-org-sync-node';
import { NotFoundError } from '@backstage/errors';
import type { GitlabClient } from '../client/GitlabClient';
import { GitlabRequestError } from '../client/errors';
import type { GitlabSourceConfig } from '../config/types';
import { excludedBy, relativePath } from './groupPaths';
import type { GitlabGroup } from './types';

/** The root group and the descendants that are read. */
export interface GroupTree {
  root: GitlabGroup;
  /** The root group first, then its kept descendants. */
  groups: GitlabGroup[];
  /** Left out by `groups.exclude`. */
  excluded: number;
  complete: boolean;
  problems: OrgSourceProblem[];
}

/**
 * Reads the root group (`GET /groups/:path`) and, with `includeSubgroups`,
 * its descendants (`GET /groups/:id/descendant_groups`, every page), then
 * drops excluded subtrees. Throws when the root group cannot be read; a
 * failed descendant walk makes the tree incomplete.
 */
export async function readGroupTree(options: {
  client: GitlabClient;
  config: GitlabSourceConfig;
  signal: AbortSignal;
}): Promise<GroupTree> {
  const { client, config, signal } = options;
  let root: GitlabGroup;
  try {
    root = await client.get<GitlabGroup>(
      `/groups/${encodeURIComponent(config.group)}`,
      {},
      signal,
    );
  } catch (error) {
    if (error instanceof GitlabRequestError && error.status === 404) {
      throw new NotFoundError(
        `GitLab group '${config.group}' was not found on ${config.host}, or the token cannot see it (it needs the read_api scope and access to the group)`,
      );
    }
    throw error;
  }

  const problems: OrgSourceProblem[] = [];
  let complete = true;
  const descendants: GitlabGroup[] = [];
  if (config.includeSubgroups) {
    try {
      for await (const page of client.pages<GitlabGroup>(
        `/groups/${root.id}/descendant_groups`,
        { per_page: config.pageSize, order_by: 'id', sort: 'asc' },
        signal,
      )) {
        descendants.push(...page);
      }
    } catch (error) {
      if (signal.aborted) throw error;
      complete = false;
      problems.push({
        severity: 'error',
        code: 'subgroups-read-failed',
        entry: root.full_path,
        message: `Reading the subgroups of ${root.full_path} stopped after ${
          descendants.length
        } groups: ${(error as Error).message}`,
      });
    }
  }

  const isExcluded = excludedBy(config.groups.exclude);
  const seen = new Set<number>([root.id]);
  const groups = [root];
  let excluded = 0;
  for (const group of descendants) {
    if (seen.has(group.id)) continue;
    seen.add(group.id);
    if (isExcluded(relativePath(root.full_path, group.full_path))) excluded++;
    else groups.push(group);
  }
  return { root, groups, excluded, complete, problems };
}
