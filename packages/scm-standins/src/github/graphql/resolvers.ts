import { GithubFixtureTeam, GithubFixtureUser, githubNodeId } from '../fixture';
import { GithubModel, OrgIndex } from '../model';
import {
  connection,
  GithubTypedError,
  PageArgs,
  PageCounter,
} from './connection';

/** Per-request state of a GraphQL execution. */
export interface GraphqlContext extends PageCounter {
  model: GithubModel;
  baseUrl: string;
  viewer: GithubFixtureUser;
  rateLimit: {
    cost: number;
    nodeCount: number;
    limit: number;
    remaining: number;
    used: number;
    resetAt: string;
  };
}

const CREATED_AT = '2020-01-01T00:00:00Z';

function avatarUrl(ctx: GraphqlContext, kind: string, id: number): string {
  return `${ctx.baseUrl}/avatars/${kind}/${id}`;
}

export function userObject(ctx: GraphqlContext, user: GithubFixtureUser) {
  const { model } = ctx;
  return {
    __typename: 'User',
    id: user.nodeId,
    databaseId: user.id,
    login: user.login,
    name: user.name,
    email: user.publicEmail ?? '',
    bio: user.bio ?? null,
    company: null,
    location: null,
    avatarUrl: () => `${avatarUrl(ctx, 'u', user.id)}?v=4`,
    url: `${ctx.baseUrl}/${user.login}`,
    resourcePath: `/${user.login}`,
    suspendedAt: user.suspendedAt ?? null,
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    isSiteAdmin: false,
    isViewer: user.login === ctx.viewer.login,
    organizationVerifiedDomainEmails: ({ login }: { login: string }) =>
      model.verifiedDomainEmails(user, login),
    organizations: (args: PageArgs) =>
      connection(ctx, model.orgsOf(user.login), args, index =>
        orgObject(ctx, index),
      ),
    organization: ({ login }: { login: string }) => {
      const index = model
        .orgsOf(user.login)
        .find(o => o.org.login.toLowerCase() === login.toLowerCase());
      return index ? orgObject(ctx, index) : null;
    },
  };
}

function membersOfLogins(ctx: GraphqlContext, logins: string[]) {
  return logins
    .map(login => ctx.model.user(login))
    .filter((user): user is GithubFixtureUser => !!user);
}

export function orgObject(ctx: GraphqlContext, index: OrgIndex) {
  const { org } = index;
  return {
    __typename: 'Organization',
    id: githubNodeId('Organization', org.id),
    databaseId: org.id,
    login: org.login,
    name: org.name,
    description: null,
    email: null,
    avatarUrl: () => avatarUrl(ctx, 'o', org.id),
    url: `${ctx.baseUrl}/${org.login}`,
    resourcePath: `/${org.login}`,
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    viewerIsAMember: index.roleByLogin.has(ctx.viewer.login.toLowerCase()),
    viewerCanAdminister:
      index.roleByLogin.get(ctx.viewer.login.toLowerCase()) === 'ADMIN',
    membersWithRole: (args: PageArgs) =>
      connection(
        ctx,
        index.members,
        args,
        user => userObject(ctx, user),
        user => ({
          role: index.roleByLogin.get(user.login.toLowerCase()),
          hasTwoFactorEnabled: null,
        }),
      ),
    teams: (
      args: PageArgs & {
        userLogins?: string[] | null;
        rootTeamsOnly?: boolean | null;
        query?: string | null;
      },
    ) => {
      let teams: GithubFixtureTeam[] = index.org.teams;
      if (args.userLogins && args.userLogins.length) {
        const wanted = new Set<GithubFixtureTeam>();
        for (const login of args.userLogins) {
          for (const team of index.teamsByLogin.get(login.toLowerCase()) ??
            []) {
            wanted.add(team);
          }
        }
        teams = teams.filter(team => wanted.has(team));
      }
      if (args.rootTeamsOnly) {
        teams = teams.filter(team => !team.parentSlug);
      }
      if (args.query) {
        const query = args.query.toLowerCase();
        teams = teams.filter(
          team =>
            team.name.toLowerCase().includes(query) ||
            team.slug.includes(query),
        );
      }
      return connection(ctx, teams, args, team => teamObject(ctx, index, team));
    },
    team: ({ slug }: { slug: string }) => {
      const team = index.teamBySlug.get(slug);
      return team ? teamObject(ctx, index, team) : null;
    },
    membersCanForkPrivateRepositories: false,
  };
}

export function teamObject(
  ctx: GraphqlContext,
  index: OrgIndex,
  team: GithubFixtureTeam,
): Record<string, unknown> {
  const { model } = ctx;
  const orgLogin = index.org.login;
  const teamUrl = `${ctx.baseUrl}/orgs/${orgLogin}/teams/${team.slug}`;
  return {
    __typename: 'Team',
    id: githubNodeId('Team', team.id),
    databaseId: team.id,
    slug: team.slug,
    combinedSlug: `${orgLogin}/${team.slug}`,
    name: team.name,
    description: team.description ?? null,
    privacy: 'VISIBLE',
    avatarUrl: () => avatarUrl(ctx, 't', team.id),
    url: teamUrl,
    resourcePath: `/orgs/${orgLogin}/teams/${team.slug}`,
    editTeamUrl: `${teamUrl}/edit`,
    editTeamResourcePath: `/orgs/${orgLogin}/teams/${team.slug}/edit`,
    membersUrl: `${teamUrl}/members`,
    membersResourcePath: `/orgs/${orgLogin}/teams/${team.slug}/members`,
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    organization: () => orgObject(ctx, index),
    parentTeam: () => {
      const parent = team.parentSlug
        ? index.teamBySlug.get(team.parentSlug)
        : undefined;
      return parent ? teamObject(ctx, index, parent) : null;
    },
    ancestors: (args: PageArgs) =>
      connection(ctx, model.ancestors(index, team), args, ancestor =>
        teamObject(ctx, index, ancestor),
      ),
    childTeams: (
      args: PageArgs & {
        immediateOnly?: boolean | null;
        userLogins?: string[] | null;
      },
    ) => {
      let teams =
        args.immediateOnly === false
          ? model.descendants(index, team)
          : index.childrenBySlug.get(team.slug) ?? [];
      if (args.userLogins && args.userLogins.length) {
        const logins = new Set(args.userLogins.map(l => l.toLowerCase()));
        teams = teams.filter(child =>
          child.members.some(m => logins.has(m.login.toLowerCase())),
        );
      }
      return connection(ctx, teams, args, child =>
        teamObject(ctx, index, child),
      );
    },
    members: (
      args: PageArgs & {
        membership?: 'IMMEDIATE' | 'CHILD_TEAM' | 'ALL' | null;
        role?: 'MAINTAINER' | 'MEMBER' | null;
        query?: string | null;
      },
    ) => {
      let members = model.teamMembers(index, team, args.membership ?? 'ALL');
      if (args.role) {
        members = members.filter(member => member.role === args.role);
      }
      const users = membersOfLogins(
        ctx,
        members.map(member => member.login),
      );
      const roles = new Map(
        members.map(member => [member.login.toLowerCase(), member.role]),
      );
      return connection(
        ctx,
        users,
        args,
        user => userObject(ctx, user),
        user => ({
          role: roles.get(user.login.toLowerCase()),
          memberAccessResourcePath: `/orgs/${orgLogin}/teams/${team.slug}/members`,
          memberAccessUrl: `${teamUrl}/members`,
        }),
      );
    },
  };
}

function decodeNodeId(id: string): { kind: string; id: number } | undefined {
  const match = /^\d+:([A-Za-z]+)(\d+)$/.exec(
    Buffer.from(id, 'base64').toString('utf8'),
  );
  return match ? { kind: match[1], id: Number(match[2]) } : undefined;
}

function resolveNode(ctx: GraphqlContext, id: string) {
  const decoded = decodeNodeId(id);
  if (decoded?.kind === 'User') {
    const user = ctx.model.userById(decoded.id);
    if (user) {
      return userObject(ctx, user);
    }
  }
  if (decoded?.kind === 'Organization') {
    const index = ctx.model.orgById(decoded.id);
    if (index) {
      return orgObject(ctx, index);
    }
  }
  if (decoded?.kind === 'Team') {
    for (const index of ctx.model.fixture.orgs.map(org =>
      ctx.model.org(org.login),
    )) {
      const team = index?.org.teams.find(t => t.id === decoded.id);
      if (index && team) {
        return teamObject(ctx, index, team);
      }
    }
  }
  throw new GithubTypedError(
    'NOT_FOUND',
    `Could not resolve to a node with the global id of '${id}'`,
  );
}

/** The root value: the query fields the stand-in implements. */
export function rootValue(ctx: GraphqlContext) {
  return {
    organization: ({ login }: { login: string }) => {
      const index = ctx.model.org(login);
      if (!index) {
        throw new GithubTypedError(
          'NOT_FOUND',
          `Could not resolve to an Organization with the login of '${login}'.`,
        );
      }
      return orgObject(ctx, index);
    },
    user: ({ login }: { login: string }) => {
      const user = ctx.model.user(login);
      if (!user) {
        throw new GithubTypedError(
          'NOT_FOUND',
          `Could not resolve to a User with the login of '${login}'.`,
        );
      }
      return userObject(ctx, user);
    },
    viewer: () => userObject(ctx, ctx.viewer),
    rateLimit: () => ctx.rateLimit,
    node: ({ id }: { id: string }) => resolveNode(ctx, id),
    nodes: ({ ids }: { ids: string[] }) =>
      ids.map(id => {
        try {
          return resolveNode(ctx, id);
        } catch (error) {
          return error;
        }
      }),
  };
}
