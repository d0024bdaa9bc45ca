/** How a plain page-number walk of one list ended. */
export interface WalkResult {
  /** The list, e.g. `/users`. */
  path: string;
  mode: 'offset' | 'keyset';
  requests: number;
  items: number;
  /** True when the walk reached the last page. */
  complete: boolean;
  /** The refusal that stopped it, if any. */
  stoppedAt?: { page: number; status: number; message: string };
  wallMs: number;
}

/**
 * Walks a GitLab list page by page, as upstream's provider does (offset:
 * `page=1,2,…` with `per_page=100`), or with keyset pagination
 * (`pagination=keyset&order_by=id`, following `Link: rel="next"`), and
 * reports where it ended.
 */
export async function walkList(options: {
  apiBaseUrl: string;
  path: string;
  token: string;
  mode: 'offset' | 'keyset';
}): Promise<WalkResult> {
  const start = performance.now();
  const first = new URL(`${options.apiBaseUrl}${options.path}`);
  first.searchParams.set('per_page', '100');
  if (options.mode === 'keyset') {
    first.searchParams.set('pagination', 'keyset');
    first.searchParams.set('order_by', 'id');
    first.searchParams.set('sort', 'asc');
  } else {
    first.searchParams.set('page', '1');
  }
  let url: URL | undefined = first;
  let requests = 0;
  let items = 0;
  let page = 0;
  while (url) {
    page++;
    requests++;
    const response = await fetch(url, {
      headers: { Authorization: `Bearer ${options.token}` },
    });
    if (!response.ok) {
      const text = await response.text();
      let message = text;
      try {
        const body = JSON.parse(text);
        message = body.message ?? body.error ?? text;
      } catch {
        // Not JSON.
      }
      return {
        path: options.path,
        mode: options.mode,
        requests,
        items,
        complete: false,
        stoppedAt: {
          page,
          status: response.status,
          message: String(message).slice(0, 300),
        },
        wallMs: performance.now() - start,
      };
    }
    items += ((await response.json()) as unknown[]).length;
    url = nextUrl(url, response.headers, options.mode);
  }
  return {
    path: options.path,
    mode: options.mode,
    requests,
    items,
    complete: true,
    wallMs: performance.now() - start,
  };
}

function nextUrl(
  current: URL,
  headers: Headers,
  mode: 'offset' | 'keyset',
): URL | undefined {
  if (mode === 'offset') {
    const next = headers.get('x-next-page');
    if (!next) return undefined;
    const url = new URL(current);
    url.searchParams.set('page', next);
    return url;
  }
  const link = /<([^>]+)>;\s*rel="?next"?/.exec(headers.get('link') ?? '');
  return link ? new URL(link[1], current) : undefined;
}
