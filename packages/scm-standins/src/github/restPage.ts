import { RequestMeta, StandinRequest } from '../common/http';

/**
 * One page of a GitHub REST list (`page`, `per_page` up to 100, default
 * 30) with GitHub's `Link` header; counts as one paginated read.
 */
export function githubRestPage<T>(
  request: StandinRequest,
  meta: RequestMeta,
  baseUrl: string,
  items: readonly T[],
) {
  meta.pages += 1;
  const params = request.url.searchParams;
  const perPage = Math.min(
    100,
    Math.max(1, Number(params.get('per_page')) || 30),
  );
  const page = Math.max(1, Number(params.get('page')) || 1);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const link = (target: number, rel: string) => {
    const query = new URLSearchParams(params);
    query.set('per_page', String(perPage));
    query.set('page', String(target));
    return `<${baseUrl}${request.path}?${query}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) {
    links.push(link(page - 1, 'prev'), link(1, 'first'));
  }
  if (page < lastPage) {
    links.push(link(page + 1, 'next'), link(lastPage, 'last'));
  }
  const headers: Record<string, string> = {};
  if (links.length) {
    headers.link = links.join(', ');
  }
  return { items: items.slice((page - 1) * perPage, page * perPage), headers };
}
