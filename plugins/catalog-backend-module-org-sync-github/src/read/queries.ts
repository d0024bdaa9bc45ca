/**
 * The GraphQL documents of the GitHub source. Every connection is read with
 * `first:` from an {@link AdaptivePageSize}; team members are read on the
 * teams page (IMMEDIATE members only, so nesting stays in `parentTeam`) and
 * only teams with more members than that page need further requests, which
 * are batched several teams per request with aliases.
 */

/** Fields of an org member; optional ones depend on host and credentials. */
export function membersQuery(options: {
  publicEmail: boolean;
  suspendedAt: boolean;
}): string {
  return `query orgMembers($org: String!, $first: Int!, $after: String) {
  organization(login: $org) {
    membersWithRole(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        login
        name
        avatarUrl
        organizationVerifiedDomainEmails(login: $org)${
          options.publicEmail ? '\n        email' : ''
        }${options.suspendedAt ? '\n        suspendedAt' : ''}
      }
    }
  }
}`;
}

const MEMBER_EDGES = `pageInfo { hasNextPage endCursor }
        edges { role node { id } }`;

export const TEAMS_QUERY = `query orgTeams($org: String!, $first: Int!, $after: String, $membersFirst: Int!) {
  organization(login: $org) {
    teams(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        slug
        name
        description
        avatarUrl
        parentTeam { slug }
        members(first: $membersFirst, membership: IMMEDIATE) {
          ${MEMBER_EDGES}
        }
      }
    }
  }
}`;

/**
 * Further member pages of several teams in one request: one aliased
 * `team(slug:)` per team (`t0`, `t1`, …).
 */
export function teamMembersQuery(count: number): string {
  const variables = Array.from(
    { length: count },
    (_, i) => `, $s${i}: String!, $a${i}: String!`,
  ).join('');
  const fields = Array.from(
    { length: count },
    (_, i) => `    t${i}: team(slug: $s${i}) {
      members(first: $first, after: $a${i}, membership: IMMEDIATE) {
        ${MEMBER_EDGES}
      }
    }`,
  ).join('\n');
  return `query teamMembers($org: String!, $first: Int!${variables}) {
  organization(login: $org) {
${fields}
  }
}`;
}

export type PageInfo = { hasNextPage: boolean; endCursor: string | null };

export type MemberNode = {
  id: string;
  login: string;
  name?: string | null;
  avatarUrl?: string | null;
  email?: string | null;
  organizationVerifiedDomainEmails?: string[] | null;
  suspendedAt?: string | null;
};

export type MemberEdges = {
  pageInfo: PageInfo;
  edges: Array<{ role: 'MEMBER' | 'MAINTAINER'; node: { id: string } | null }>;
};

export type TeamNode = {
  id: string;
  slug: string;
  name: string;
  description?: string | null;
  avatarUrl?: string | null;
  parentTeam?: { slug: string } | null;
  members: MemberEdges;
};

export type MembersAnswer = {
  organization: {
    membersWithRole: { pageInfo: PageInfo; nodes: Array<MemberNode | null> };
  } | null;
};

export type TeamsAnswer = {
  organization: {
    teams: { pageInfo: PageInfo; nodes: Array<TeamNode | null> };
  } | null;
};

export type TeamMembersAnswer = {
  organization: Record<string, { members: MemberEdges } | null> | null;
};
