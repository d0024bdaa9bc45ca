/** Arguments of a GitHub connection field. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** An error GitHub reports with a `type` (e.g. NOT_FOUND). */
export class GithubTypedError extends Error {
  constructor(readonly githubType: string, message: string) {
    super(message);
  }
}

const CURSOR_PREFIX = 'cursor:v2:';

export function encodeCursor(index: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${index}`, 'utf8').toString('base64');
}

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  const index = text.startsWith(CURSOR_PREFIX)
    ? Number(text.slice(CURSOR_PREFIX.length))
    : NaN;
  if (!Number.isInteger(index) || index < 0) {
    throw new GithubTypedError(
      'INVALID_CURSOR_ARGUMENTS',
      `\`${cursor}\` does not appear to be a valid cursor.`,
    );
  }
  return index;
}

/** Counts pages served; shared by every connection of one request. */
export interface PageCounter {
  pages: number;
}

/**
 * One page of a connection over `items` with opaque cursors: `nodes`,
 * `edges` (cursor, node and `edgeFields`), `pageInfo`, `totalCount`.
 */
export function connection<T>(
  counter: PageCounter,
  items: readonly T[],
  args: PageArgs,
  toNode: (item: T) => unknown,
  edgeFields?: (item: T) => Record<string, unknown>,
) {
  counter.pages += 1;
  let start = args.after ? decodeCursor(args.after) + 1 : 0;
  let end = args.before ? decodeCursor(args.before) : items.length;
  start = Math.min(start, items.length);
  end = Math.max(start, Math.min(end, items.length));
  if (typeof args.first === 'number') {
    end = Math.min(end, start + args.first);
  } else if (typeof args.last === 'number') {
    start = Math.max(start, end - args.last);
  }
  const edges = [];
  for (let index = start; index < end; index++) {
    const item = items[index];
    edges.push({
      cursor: encodeCursor(index),
      node: toNode(item),
      ...edgeFields?.(item),
    });
  }
  return {
    totalCount: items.length,
    nodes: edges.map(edge => edge.node),
    edges,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges.length ? edges[0].cursor : null,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
  };
}
