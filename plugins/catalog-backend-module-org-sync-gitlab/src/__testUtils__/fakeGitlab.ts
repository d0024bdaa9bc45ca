import { http, HttpResponse } from 'msw';
import type { GitlabGroup, GitlabMember } from '../read/types';

export const API = 'https://gitlab.example.com/api/v4';
export const TOKEN = 'gl-test-test-token';

/** A GitLab served by msw handlers: groups, members, and per-path faults. */
export interface FakeGitlab {
  groups: GitlabGroup[];
  /** Direct members by group id. */
  members: Map<number, GitlabMember[]>;
  /** Members by group id for `/members/all` (defaults to `members`). */
  allMembers: Map<number, GitlabMember[]>;
  /** Paths (with query) requested, in order. */
  requests: string[];
  /**
   * Answers instead of the data: called for every request; return a
   * Response to answer with it.
   */
  intercept?: (url: URL, count: number) => Response | undefined;
  /** `keyset`: Link with `id_after` only; `offset`: Link and X-Next-Page. */
  paging: 'offset' | 'keyset' | 'next-page-header';
}

export function member(
  id: number,
  username: string,
  extra: Partial<GitlabMember> = {},
): GitlabMember {
  return {
    id,
    username,
    name: `Name ${username}`,
    state: 'active',
    avatar_url: `https://gitlab.example.com/uploads/${username}.png`,
    access_level: 30,
    email: `${username}@example.com`,
    ...extra,
  };
}

export function group(
  id: number,
  fullPath: string,
  parentId: number | null,
  extra: Partial<GitlabGroup> = {},
): GitlabGroup {
  const path = fullPath.split('/').at(-1)!;
  return {
    id,
    name: `Group ${path}`,
    path,
    full_path: fullPath,
    parent_id: parentId,
    description: `About ${path}`,
    avatar_url: null,
    ...extra,
  };
}

function page<T extends { id: number }>(
  fake: FakeGitlab,
  url: URL,
  items: T[],
): Response {
  const perPage = Number(url.searchParams.get('per_page') ?? 20);
  const headers = new Headers();
  let slice: T[];
  if (fake.paging === 'keyset') {
    const after = Number(url.searchParams.get('id_after') ?? 0);
    const sorted = [...items].sort((a, b) => a.id - b.id);
    slice = sorted.filter(item => item.id > after).slice(0, perPage);
    const last = slice.at(-1);
    if (last && sorted.some(item => item.id > last.id)) {
      const next = new URL(url);
      next.searchParams.set('id_after', String(last.id));
      headers.set('link', `<${next}>; rel="next"`);
    }
  } else {
    const current = Number(url.searchParams.get('page') ?? 1);
    slice = items.slice((current - 1) * perPage, current * perPage);
    const more = current * perPage < items.length;
    headers.set('x-next-page', more ? String(current + 1) : '');
    if (more && fake.paging === 'offset') {
      const next = new URL(url);
      next.searchParams.set('page', String(current + 1));
      headers.set('link', `<${next}>; rel="next"`);
    }
  }
  return HttpResponse.json(slice, { headers });
}

export function createFakeGitlab(
  groups: GitlabGroup[],
  members: Record<number, GitlabMember[]>,
): FakeGitlab {
  const map = new Map(Object.entries(members).map(([k, v]) => [Number(k), v]));
  return {
    groups,
    members: map,
    allMembers: map,
    requests: [],
    paging: 'offset',
  };
}

/** msw handlers answering like GitLab's REST v4 API for `fake`. */
export function handlers(fake: FakeGitlab) {
  const guard = (request: Request): Response | undefined => {
    const url = new URL(request.url);
    fake.requests.push(`${url.pathname.replace('/api/v4', '')}${url.search}`);
    if (
      request.headers.get('authorization') !== `Bearer ${TOKEN}` &&
      request.headers.get('private-token') !== TOKEN
    ) {
      return HttpResponse.json(
        { message: '401 Unauthorized' },
        { status: 401 },
      );
    }
    return fake.intercept?.(url, fake.requests.length);
  };
  const byIdOrPath = (idOrPath: string) =>
    fake.groups.find(
      g =>
        String(g.id) === idOrPath ||
        g.full_path === decodeURIComponent(idOrPath),
    );
  const descendantsOf = (id: number): GitlabGroup[] => {
    const children = fake.groups.filter(g => g.parent_id === id);
    return children.flatMap(c => [c, ...descendantsOf(c.id)]);
  };
  return [
    http.get(`${API}/groups/:id/descendant_groups`, ({ request, params }) => {
      const answer = guard(request);
      if (answer) return answer;
      const found = byIdOrPath(String(params.id));
      if (!found)
        return HttpResponse.json(
          { message: '404 Group Not Found' },
          { status: 404 },
        );
      return page(fake, new URL(request.url), descendantsOf(found.id));
    }),
    http.get(`${API}/groups/:id/members/all`, ({ request, params }) => {
      const answer = guard(request);
      if (answer) return answer;
      return page(
        fake,
        new URL(request.url),
        fake.allMembers.get(Number(params.id)) ?? [],
      );
    }),
    http.get(`${API}/groups/:id/members`, ({ request, params }) => {
      const answer = guard(request);
      if (answer) return answer;
      return page(
        fake,
        new URL(request.url),
        fake.members.get(Number(params.id)) ?? [],
      );
    }),
    http.get(`${API}/groups/:id`, ({ request, params }) => {
      const answer = guard(request);
      if (answer) return answer;
      const found = byIdOrPath(String(params.id));
      if (!found)
        return HttpResponse.json(
          { message: '404 Group Not Found' },
          { status: 404 },
        );
      return HttpResponse.json(found);
    }),
  ];
}
