import {
  jsonResponse,
  Route,
  StandinRequest,
  StandinResponse,
} from '../common/http';
import { FaultState } from '../common/faults';
import { GitlabFixtureGroup, GitlabFixtureUser } from './fixture';
import { gitlabStatusMessage } from './flavour';
import { GitlabMembership, GitlabModel } from './model';
import { gitlabPage } from './pagination';
import { GitlabCaller, GitlabTokens } from './tokens';

const CREATED_AT = '2020-01-01T00:00:00.000Z';
const API_SCOPES = ['api', 'read_api'];
const USER_SCOPES = ['api', 'read_api', 'read_user'];

function insufficientScope(needed: string[]): StandinResponse {
  return jsonResponse(403, {
    error: 'insufficient_scope',
    error_description:
      'The request requires higher privileges than provided by the access token.',
    scope: needed.join(' '),
  });
}

/** The user/group/member endpoints under `/api/v4`. */
export function gitlabRestRoutes(
  model: GitlabModel,
  tokens: GitlabTokens,
  faults: FaultState,
  baseUrl: () => string,
): Route[] {
  const userJson = (user: GitlabFixtureUser) => ({
    id: user.id,
    username: user.username,
    name: user.name,
    state: user.state,
    locked: false,
    avatar_url: `${baseUrl()}/uploads/-/system/user/avatar/${
      user.id
    }/avatar.png`,
    web_url: `${baseUrl()}/${user.username}`,
    created_at: CREATED_AT,
    bio: '',
    public_email: user.publicEmail ?? '',
    email: user.email,
    // GitLab shows when the primary email was confirmed; every fixture email is.
    confirmed_at: user.email ? CREATED_AT : null,
    is_admin: user.isAdmin ?? false,
    bot: false,
    identities: [],
  });
  const groupJson = (group: GitlabFixtureGroup) => ({
    id: group.id,
    name: group.name,
    path: group.path,
    full_name: [...model.ancestors(group).reverse(), group]
      .map(g => g.name)
      .join(' / '),
    full_path: group.fullPath,
    description: group.description ?? '',
    visibility: 'private',
    web_url: `${baseUrl()}/groups/${group.fullPath}`,
    avatar_url: null,
    parent_id: group.parentId ?? null,
    created_at: CREATED_AT,
  });
  const memberJson = (membership: GitlabMembership) => {
    const user = userJson(membership.user);
    return {
      id: user.id,
      username: user.username,
      name: user.name,
      state: user.state,
      locked: false,
      avatar_url: user.avatar_url,
      web_url: user.web_url,
      access_level: membership.accessLevel,
      created_at: CREATED_AT,
      expires_at: null,
      membership_state: 'active',
      email: user.email,
      public_email: user.public_email,
      is_using_seat: true,
      group_saml_identity: null,
      source_id: membership.source.id,
    };
  };

  /** The caller, or the answer GitLab gives (401, or 403 for a missing scope). */
  const authenticate = (
    request: StandinRequest,
    scopes: string[],
  ): GitlabCaller | StandinResponse => {
    const caller = tokens.resolveRequest(request);
    if (!caller) {
      return gitlabStatusMessage(401, 'Unauthorized');
    }
    if (!caller.scopes.some(scope => scopes.includes(scope))) {
      return insufficientScope(scopes);
    }
    return caller;
  };
  const isAnswer = (value: unknown): value is StandinResponse =>
    typeof (value as StandinResponse).status === 'number';

  const withGroup = (
    handler: (
      request: StandinRequest,
      meta: Parameters<Route['handler']>[1],
      group: GitlabFixtureGroup,
    ) => StandinResponse,
  ): Route['handler'] => {
    return (request, meta) => {
      const caller = authenticate(request, API_SCOPES);
      if (isAnswer(caller)) {
        return caller;
      }
      const group = model.group(request.params.id);
      return group
        ? handler(request, meta, group)
        : gitlabStatusMessage(404, 'Group Not Found');
    };
  };

  const listGroups = (
    request: StandinRequest,
    meta: Parameters<Route['handler']>[1],
    groups: GitlabFixtureGroup[],
    keyset: boolean,
  ) => {
    const params = request.url.searchParams;
    let list = groups;
    const search = params.get('search')?.toLowerCase();
    if (search) {
      list = list.filter(
        g =>
          g.name.toLowerCase().includes(search) ||
          g.path.toLowerCase().includes(search),
      );
    }
    if (params.get('top_level_only') === 'true') {
      list = list.filter(g => g.parentId === undefined);
    }
    const orderBy = params.get('order_by') ?? (keyset ? 'id' : 'name');
    const descending = params.get('sort') === 'desc';
    const compare: Record<
      string,
      (a: GitlabFixtureGroup, b: GitlabFixtureGroup) => number
    > = {
      id: (a, b) => a.id - b.id,
      path: (a, b) => a.path.localeCompare(b.path) || a.id - b.id,
      name: (a, b) => a.name.localeCompare(b.name) || a.id - b.id,
    };
    list = [...list].sort(compare[orderBy] ?? compare.name);
    if (descending) {
      list.reverse();
    }
    const page = gitlabPage(
      request,
      meta,
      baseUrl(),
      list,
      keyset ? { keyset: { objectType: 'Group', id: g => g.id } } : {},
    );
    return jsonResponse(200, page.items.map(groupJson), page.headers);
  };

  const listMembers = (
    request: StandinRequest,
    meta: Parameters<Route['handler']>[1],
    group: GitlabFixtureGroup,
    memberships: GitlabMembership[],
  ) => {
    if (faults.failGroup?.toLowerCase() === group.fullPath.toLowerCase()) {
      return gitlabStatusMessage(500, 'Internal Server Error');
    }
    const params = request.url.searchParams;
    let list = memberships;
    const query = params.get('query')?.toLowerCase();
    if (query) {
      list = list.filter(
        m =>
          m.user.username.toLowerCase().includes(query) ||
          m.user.name.toLowerCase().includes(query),
      );
    }
    if (params.get('state') === 'active' || params.get('active') === 'true') {
      list = list.filter(m => m.user.state === 'active');
    }
    const page = gitlabPage(request, meta, baseUrl(), list);
    return jsonResponse(200, page.items.map(memberJson), page.headers);
  };

  return [
    {
      method: 'GET',
      path: '/api/v4/user',
      handler: request => {
        const caller = authenticate(request, USER_SCOPES);
        return isAnswer(caller)
          ? caller
          : jsonResponse(200, userJson(caller.user));
      },
    },
    {
      method: 'GET',
      path: '/api/v4/personal_access_tokens/self',
      handler: request => {
        const caller = tokens.resolveRequest(request);
        if (!caller) {
          return gitlabStatusMessage(401, 'Unauthorized');
        }
        if (!caller.pat) {
          return gitlabStatusMessage(404, 'Not Found');
        }
        const id =
          caller.pat.id ?? model.fixture.tokens.indexOf(caller.pat) + 1;
        return jsonResponse(200, {
          id,
          name: caller.pat.name ?? `token ${id}`,
          revoked: false,
          created_at: CREATED_AT,
          scopes: caller.pat.scopes,
          user_id: caller.user.id,
          last_used_at: new Date().toISOString(),
          active: true,
          expires_at: caller.pat.expiresAt ?? null,
        });
      },
    },
    {
      method: 'GET',
      path: '/api/v4/users',
      handler: (request, meta) => {
        const caller = authenticate(request, API_SCOPES);
        if (isAnswer(caller)) {
          return caller;
        }
        const params = request.url.searchParams;
        let list: GitlabFixtureUser[] = model.usersAscending;
        const username = params.get('username');
        if (username) {
          list = list.filter(
            u => u.username.toLowerCase() === username.toLowerCase(),
          );
        }
        const search = params.get('search')?.toLowerCase();
        if (search) {
          list = list.filter(
            u =>
              u.username.toLowerCase().includes(search) ||
              u.name.toLowerCase().includes(search) ||
              u.email.toLowerCase() === search,
          );
        }
        if (params.get('active') === 'true') {
          list = list.filter(u => u.state === 'active');
        }
        if (params.get('blocked') === 'true') {
          list = list.filter(u => u.state === 'blocked');
        }
        const orderBy = params.get('order_by') ?? 'id';
        // GitLab lists users newest first unless asked otherwise.
        const sort = params.get('sort') ?? 'desc';
        if (orderBy !== 'id') {
          list = [...list].sort(
            (a, b) =>
              String(a[orderBy as keyof GitlabFixtureUser] ?? '').localeCompare(
                String(b[orderBy as keyof GitlabFixtureUser] ?? ''),
              ) || a.id - b.id,
          );
        }
        if (sort === 'desc') {
          list = [...list].reverse();
        }
        const page = gitlabPage(request, meta, baseUrl(), list, {
          keyset: { objectType: 'User', id: u => u.id },
        });
        return jsonResponse(200, page.items.map(userJson), page.headers);
      },
    },
    {
      method: 'GET',
      path: '/api/v4/users/:id',
      handler: request => {
        const caller = authenticate(request, USER_SCOPES);
        if (isAnswer(caller)) {
          return caller;
        }
        const user = /^\d+$/.test(request.params.id)
          ? model.user(Number(request.params.id))
          : undefined;
        return user
          ? jsonResponse(200, userJson(user))
          : gitlabStatusMessage(404, 'User Not Found');
      },
    },
    {
      method: 'GET',
      path: '/api/v4/groups',
      handler: (request, meta) => {
        const caller = authenticate(request, API_SCOPES);
        return isAnswer(caller)
          ? caller
          : listGroups(request, meta, model.groupsAscending, true);
      },
    },
    {
      method: 'GET',
      path: '/api/v4/groups/:id',
      handler: withGroup((_request, _meta, group) =>
        jsonResponse(200, groupJson(group)),
      ),
    },
    {
      method: 'GET',
      path: '/api/v4/groups/:id/subgroups',
      handler: withGroup((request, meta, group) =>
        listGroups(request, meta, model.subgroups(group), false),
      ),
    },
    {
      method: 'GET',
      path: '/api/v4/groups/:id/descendant_groups',
      handler: withGroup((request, meta, group) =>
        listGroups(request, meta, model.descendants(group), false),
      ),
    },
    {
      method: 'GET',
      path: '/api/v4/groups/:id/members',
      handler: withGroup((request, meta, group) =>
        listMembers(request, meta, group, model.directMembers(group)),
      ),
    },
    {
      method: 'GET',
      path: '/api/v4/groups/:id/members/all',
      handler: withGroup((request, meta, group) =>
        listMembers(request, meta, group, model.allMembers(group)),
      ),
    },
  ];
}
