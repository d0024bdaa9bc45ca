import { http, HttpResponse } from 'msw';
import type { Clock } from '../client/clock';

/** An org member in a fake GitHub org. */
export type FakeMember = {
  id: string;
  login: string;
  name?: string;
  email?: string;
  verified?: string[];
  suspendedAt?: string;
};

/** A team in a fake GitHub org; members by node id, maintainers marked. */
export type FakeTeam = {
  slug: string;
  name: string;
  description?: string;
  parent?: string;
  members: string[];
  maintainers?: string[];
};

export type FakeOrg = { members: FakeMember[]; teams: FakeTeam[] };

/** One GraphQL call the fake served (or refused). */
export type FakeCall = {
  operation: string;
  query: string;
  variables: Record<string, any>;
  authorization: string | null;
};

export const API = 'https://api.github.com';
export const GRAPHQL_URL = `${API}/graphql`;

function page<T>(items: T[], first: number, after: string | null) {
  const start = after ? Number(after) : 0;
  const slice = items.slice(start, start + first);
  const end = start + slice.length;
  return {
    items: slice,
    pageInfo: {
      hasNextPage: end < items.length,
      endCursor: slice.length ? String(end) : null,
    },
  };
}

function memberEdges(team: FakeTeam, first: number, after: string | null) {
  const { items, pageInfo } = page(team.members, first, after);
  return {
    pageInfo,
    edges: items.map(id => ({
      role: team.maintainers?.includes(id) ? 'MAINTAINER' : 'MEMBER',
      node: { id },
    })),
  };
}

/**
 * A small GitHub GraphQL API for msw: answers the source's three operations
 * from `orgs`, with cursors as offsets. `intercept` may answer a call
 * instead (faults); every call is recorded in `calls`.
 */
export function fakeGithub(options: {
  orgs: Record<string, FakeOrg>;
  url?: string;
  intercept?: (call: FakeCall, index: number) => Response | undefined;
}) {
  const calls: FakeCall[] = [];
  const handler = http.post(options.url ?? GRAPHQL_URL, async ({ request }) => {
    const body = (await request.json()) as {
      query: string;
      variables: Record<string, any>;
    };
    const call: FakeCall = {
      operation: /query (\w+)/.exec(body.query)?.[1] ?? '?',
      query: body.query,
      variables: body.variables,
      authorization: request.headers.get('authorization'),
    };
    calls.push(call);
    const intercepted = options.intercept?.(call, calls.length);
    if (intercepted) return intercepted;
    const v = body.variables;
    const org = options.orgs[v.org];
    if (!org) {
      return HttpResponse.json({
        data: { organization: null },
        errors: [
          {
            type: 'NOT_FOUND',
            message: `Could not resolve to an Organization with the login of '${v.org}'.`,
          },
        ],
      });
    }
    if (call.operation === 'orgMembers') {
      const { items, pageInfo } = page(org.members, v.first, v.after);
      return HttpResponse.json({
        data: {
          organization: {
            membersWithRole: {
              pageInfo,
              nodes: items.map(m => ({
                id: m.id,
                login: m.login,
                name: m.name ?? null,
                avatarUrl: `https://avatars.example/${m.login}`,
                organizationVerifiedDomainEmails: m.verified ?? [],
                ...(body.query.includes('email\n') && {
                  email: m.email ?? '',
                }),
                ...(body.query.includes('suspendedAt') && {
                  suspendedAt: m.suspendedAt ?? null,
                }),
              })),
            },
          },
        },
      });
    }
    if (call.operation === 'orgTeams') {
      const { items, pageInfo } = page(org.teams, v.first, v.after);
      return HttpResponse.json({
        data: {
          organization: {
            teams: {
              pageInfo,
              nodes: items.map(t => ({
                id: `T_${t.slug}`,
                slug: t.slug,
                name: t.name,
                description: t.description ?? null,
                avatarUrl: null,
                parentTeam: t.parent ? { slug: t.parent } : null,
                members: memberEdges(t, v.membersFirst, null),
              })),
            },
          },
        },
      });
    }
    if (call.operation === 'teamMembers') {
      const organization: Record<string, unknown> = {};
      for (let i = 0; v[`s${i}`] !== undefined; i += 1) {
        const team = org.teams.find(t => t.slug === v[`s${i}`]);
        organization[`t${i}`] = team
          ? { members: memberEdges(team, v.first, v[`a${i}`]) }
          : null;
      }
      return HttpResponse.json({ data: { organization } });
    }
    return HttpResponse.json(
      { errors: [{ message: `unknown operation ${call.operation}` }] },
      { status: 400 },
    );
  });
  return { handler, calls };
}

/** A clock whose sleeps return at once and move time forward; `sleeps` records them. */
export function fakeClock(start = 1_700_000_000_000): Clock & {
  sleeps: number[];
} {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms, signal) => {
      signal.throwIfAborted();
      sleeps.push(ms);
      now += ms;
    },
  };
}

/** `count` members `u1…uN` with node ids `U_1…`. */
export function members(count: number, from = 1): FakeMember[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `U_${from + i}`,
    login: `user-${from + i}`,
    name: `User ${from + i}`,
  }));
}
