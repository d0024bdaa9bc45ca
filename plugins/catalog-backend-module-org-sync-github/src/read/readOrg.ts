import { NotFoundError } from '@backstage/errors';
import {
  GithubGraphqlClient,
  GithubRequestError,
} from '../client/GithubGraphqlClient';
import type { GithubSourceConfig } from '../config/types';
import { AdaptivePageSize } from './AdaptivePageSize';
import {
  MemberEdges,
  MemberNode,
  membersQuery,
  MembersAnswer,
  TeamMembersAnswer,
  teamMembersQuery,
  TeamNode,
  TeamsAnswer,
  TEAMS_QUERY,
} from './queries';
import { walkConnection, WalkFailure } from './walkConnection';

/** One team as read, with every IMMEDIATE member gathered. */
export type TeamRead = {
  slug: string;
  name: string;
  description?: string;
  avatarUrl?: string;
  parentSlug?: string;
  memberIds: string[];
  maintainerIds: string[];
  /** Set when a further member page was given up. */
  membersFailure?: WalkFailure;
};

/** Everything read from one org. */
export type OrgRead = {
  org: string;
  members: MemberNode[];
  membersFailure?: WalkFailure;
  teams: TeamRead[];
  teamsFailure?: WalkFailure;
};

function addEdges(team: TeamRead, edges: MemberEdges['edges']) {
  for (const edge of edges) {
    if (!edge?.node) continue;
    team.memberIds.push(edge.node.id);
    if (edge.role === 'MAINTAINER') team.maintainerIds.push(edge.node.id);
  }
}

function organizationOf<T>(org: string, answer: { organization: T | null }) {
  if (!answer.organization) {
    throw new NotFoundError(
      `GitHub organization '${org}' does not exist or is not visible to the configured credentials`,
    );
  }
  return answer.organization;
}

/**
 * Reads one org: its members and its teams at the same time, the teams with
 * their first page of members inline, then the further member pages of big
 * teams, several teams per request.
 */
export async function readOrg(options: {
  org: string;
  config: GithubSourceConfig;
  client: GithubGraphqlClient;
  publicEmail: boolean;
  suspendedAt: boolean;
  signal: AbortSignal;
}): Promise<OrgRead> {
  const { org, config, client } = options;
  const result: OrgRead = { org, members: [], teams: [] };
  // One failing half (unknown org, bad credentials) stops the other.
  const stop = new AbortController();
  const signal = AbortSignal.any([options.signal, stop.signal]);
  const stopOnError = (read: () => Promise<void>) =>
    read().catch(error => {
      stop.abort(error);
      throw error;
    });

  const readMembers = async () => {
    const size = new AdaptivePageSize(config.pageSizes.members);
    result.membersFailure = await walkConnection<MemberNode | null>({
      client,
      signal,
      query: membersQuery(options),
      describe: page => `members of ${org}, page ${page}`,
      variables: after => ({ org, first: size.current, after }),
      extract: data => {
        const connection = organizationOf(
          org,
          data as MembersAnswer,
        ).membersWithRole;
        return { pageInfo: connection.pageInfo, items: connection.nodes };
      },
      shrink: () => size.shrink(),
      succeeded: () => size.succeeded(),
      onPage: nodes => {
        for (const node of nodes) if (node) result.members.push(node);
      },
    });
  };

  const readFurtherTeamMembers = async (
    initial: Array<{ team: TeamRead; cursor: string; page: number }>,
  ) => {
    const size = new AdaptivePageSize(config.pageSizes.teamMembers);
    let round = initial;
    while (round.length) {
      const next: typeof round = [];
      const batches: Array<typeof round> = [];
      for (let i = 0; i < round.length; i += config.teamMemberBatch) {
        batches.push(round.slice(i, i + config.teamMemberBatch));
      }
      await Promise.all(
        batches.map(async batch => {
          const describe = `members of teams ${batch
            .map(p => `${org}/${p.team.slug} (page ${p.page})`)
            .join(', ')}`;
          let answer: TeamMembersAnswer;
          try {
            answer = await client.query<TeamMembersAnswer>(
              {
                describe,
                query: teamMembersQuery(batch.length),
                variables: () => {
                  const variables: Record<string, unknown> = {
                    org,
                    first: size.current,
                  };
                  batch.forEach((p, i) => {
                    variables[`s${i}`] = p.team.slug;
                    variables[`a${i}`] = p.cursor;
                  });
                  return variables;
                },
                shrink: () => size.shrink(),
              },
              signal,
            );
          } catch (error) {
            if (!(error instanceof GithubRequestError) || error.fatal) {
              throw error;
            }
            for (const p of batch) {
              p.team.membersFailure = {
                page: p.page,
                message: error.message,
              };
            }
            return;
          }
          size.succeeded();
          const organization = organizationOf(org, answer);
          batch.forEach((p, i) => {
            const members = organization[`t${i}`]?.members;
            if (!members) {
              p.team.membersFailure = {
                page: p.page,
                message: `team ${org}/${p.team.slug} disappeared while its members were read`,
              };
              return;
            }
            addEdges(p.team, members.edges);
            const { hasNextPage, endCursor } = members.pageInfo;
            if (hasNextPage && endCursor) {
              next.push({ team: p.team, cursor: endCursor, page: p.page + 1 });
            }
          });
        }),
      );
      round = next;
    }
  };

  const readTeams = async () => {
    const teamsSize = new AdaptivePageSize(config.pageSizes.teams);
    const inlineSize = new AdaptivePageSize(config.pageSizes.teamMembers);
    const pending: Array<{ team: TeamRead; cursor: string; page: number }> = [];
    result.teamsFailure = await walkConnection<TeamNode | null>({
      client,
      signal,
      query: TEAMS_QUERY,
      describe: page => `teams of ${org}, page ${page}`,
      variables: after => ({
        org,
        first: teamsSize.current,
        after,
        membersFirst: inlineSize.current,
      }),
      extract: data => {
        const connection = organizationOf(org, data as TeamsAnswer).teams;
        return { pageInfo: connection.pageInfo, items: connection.nodes };
      },
      // The node count is the product of both sizes: halve the larger one.
      shrink: () =>
        inlineSize.current >= teamsSize.current
          ? inlineSize.shrink() || teamsSize.shrink()
          : teamsSize.shrink() || inlineSize.shrink(),
      succeeded: () => {
        teamsSize.succeeded();
        inlineSize.succeeded();
      },
      onPage: nodes => {
        for (const node of nodes) {
          if (!node) continue;
          const team: TeamRead = {
            slug: node.slug,
            name: node.name,
            description: node.description ?? undefined,
            avatarUrl: node.avatarUrl ?? undefined,
            parentSlug: node.parentTeam?.slug,
            memberIds: [],
            maintainerIds: [],
          };
          addEdges(team, node.members.edges);
          result.teams.push(team);
          const { hasNextPage, endCursor } = node.members.pageInfo;
          if (hasNextPage && endCursor) {
            pending.push({ team, cursor: endCursor, page: 2 });
          }
        }
      },
    });
    await readFurtherTeamMembers(pending);
  };

  await Promise.all([stopOnError(readMembers), stopOnError(readTeams)]);
  return result;
}
