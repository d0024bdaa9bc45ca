import type { LoggerService } from '@backstage/backend-plugin-api';
import type { OrgSourceReadResult } from '@identity-portal/plugin-catalog-org-sync-node';
import type { GitlabClient } from '../client/GitlabClient';
import type { GitlabSourceConfig } from '../config/types';
import { buildResult } from './buildResult';
import { readGroupTree } from './readGroupTree';
import { readMembers } from './readMembers';

/**
 * One read of a GitLab group tree: the groups, then every group's members
 * (concurrently), then users and groups for the engine.
 */
export async function readGitlabOrg(options: {
  client: GitlabClient;
  config: GitlabSourceConfig;
  hostname: string;
  logger: LoggerService;
  signal: AbortSignal;
}): Promise<OrgSourceReadResult> {
  const { client, config, hostname, logger, signal } = options;
  const started = Date.now();
  const tree = await readGroupTree({ client, config, signal });
  const members = await readMembers({
    client,
    config,
    groups: tree.groups,
    signal,
  });
  const { leftOut, ...result } = buildResult({
    tree,
    members,
    config,
    hostname,
  });
  logger.info(
    `Read ${result.users.length} users and ${
      result.groups.length
    } groups from GitLab group ${tree.root.full_path} on ${config.host} (${
      config.membership
    } membership) in ${Date.now() - started} ms with ${
      client.stats.requests
    } requests (${client.stats.retries} retries)${
      result.complete ? '' : ', incomplete'
    }; left out: ${tree.excluded} excluded groups, ${
      leftOut.blocked
    } blocked users, ${leftOut.bot} bots, ${leftOut.awaiting} awaiting members`,
  );
  return result;
}
