import { RequestMeta, StandinHttpError, StandinRequest } from '../common/http';

/** GitLab refuses offset pages beyond this many rows on keyset-capable lists. */
export const MAX_OFFSET = 50_000;
/** Above this many rows GitLab leaves out x-total, x-total-pages and rel="last". */
const MAX_COUNTED = 10_000;

export interface GitlabPage<T> {
  items: T[];
  headers: Record<string, string>;
}

export interface ListOptions<T> {
  /**
   * Keyset pagination by id is offered (and the offset wall applies), with
   * GitLab's object type for the error message, e.g. `User`, `Group`.
   */
  keyset?: { objectType: string; id: (item: T) => number };
}

function perPageOf(request: StandinRequest): number {
  const raw = Number(request.url.searchParams.get('per_page'));
  return Math.min(100, Math.max(1, Number.isFinite(raw) && raw > 0 ? raw : 20));
}

function linkTo(
  baseUrl: string,
  request: StandinRequest,
  set: Record<string, string>,
  drop: string[] = [],
) {
  const query = new URLSearchParams(request.url.searchParams);
  for (const name of drop) {
    query.delete(name);
  }
  for (const [name, value] of Object.entries(set)) {
    query.set(name, value);
  }
  return `${baseUrl}${request.path}?${query}`;
}

/**
 * One page of a GitLab list: offset pagination (`page`, `per_page` up to
 * 100, `x-*` headers, `Link`) or, where offered, keyset pagination
 * (`pagination=keyset&order_by=id`, `Link: <...>; rel="next"`). `items`
 * must be in the order the request asked for. Counts one paginated read.
 */
export function gitlabPage<T>(
  request: StandinRequest,
  meta: RequestMeta,
  baseUrl: string,
  items: readonly T[],
  options: ListOptions<T> = {},
): GitlabPage<T> {
  const params = request.url.searchParams;
  const perPage = perPageOf(request);
  const { keyset } = options;

  if (params.get('pagination') === 'keyset') {
    if (!keyset) {
      throw new StandinHttpError({
        status: 405,
        json: { error: 'Keyset pagination is not supported for this endpoint' },
      });
    }
    const orderBy = params.get('order_by') ?? 'id';
    if (orderBy !== 'id') {
      throw new StandinHttpError({
        status: 405,
        json: {
          error: `Keyset pagination is not supported for order_by=${orderBy}; use order_by=id`,
        },
      });
    }
    meta.pages += 1;
    const descending = (params.get('sort') ?? 'asc') === 'desc';
    const cursor = params.get('cursor');
    let start = 0;
    if (cursor) {
      const after = decodeKeysetCursor(cursor);
      start = items.findIndex(item =>
        descending ? keyset.id(item) < after : keyset.id(item) > after,
      );
      if (start < 0) {
        start = items.length;
      }
    }
    const page = items.slice(start, start + perPage);
    const headers: Record<string, string> = { 'x-per-page': String(perPage) };
    if (start + perPage < items.length && page.length) {
      const next = linkTo(baseUrl, request, {
        cursor: encodeKeysetCursor(keyset.id(page[page.length - 1])),
      });
      headers.link = `<${next}>; rel="next"`;
    }
    return { items: page, headers };
  }

  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  if (keyset && page * perPage > MAX_OFFSET) {
    throw new StandinHttpError({
      status: 405,
      json: {
        error: `Offset pagination has a maximum allowed offset of ${MAX_OFFSET} for requests that return objects of type ${keyset.objectType}. Remaining records can be retrieved using keyset pagination.`,
      },
    });
  }
  meta.pages += 1;
  const total = items.length;
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  const counted = total <= MAX_COUNTED;
  const headers: Record<string, string> = {
    'x-page': String(page),
    'x-per-page': String(perPage),
    'x-next-page': page < totalPages ? String(page + 1) : '',
    'x-prev-page': page > 1 ? String(page - 1) : '',
  };
  const links: string[] = [];
  const link = (target: number, rel: string) =>
    `<${linkTo(baseUrl, request, {
      page: String(target),
      per_page: String(perPage),
    })}>; rel="${rel}"`;
  if (page > 1) {
    links.push(link(page - 1, 'prev'));
  }
  if (page < totalPages) {
    links.push(link(page + 1, 'next'));
  }
  links.push(link(1, 'first'));
  if (counted) {
    headers['x-total'] = String(total);
    headers['x-total-pages'] = String(totalPages);
    links.push(link(totalPages, 'last'));
  }
  headers.link = links.join(', ');
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers,
  };
}

function encodeKeysetCursor(id: number): string {
  return Buffer.from(JSON.stringify({ id: String(id) }), 'utf8').toString(
    'base64url',
  );
}

function decodeKeysetCursor(cursor: string): number {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const id = Number(value.id);
    if (Number.isInteger(id)) {
      return id;
    }
  } catch {
    // answered below
  }
  throw new StandinHttpError({
    status: 400,
    json: { message: '400 Bad request - Invalid cursor parameter' },
  });
}
