import {
  GithubGraphqlClient,
  GithubRequestError,
} from '../client/GithubGraphqlClient';
import type { PageInfo } from './queries';

/** Why a walk stopped before its last page. */
export type WalkFailure = { page: number; message: string };

/**
 * Reads every page of one connection, in order. `shrink` is offered to the
 * client for timeouts and resource limits; `succeeded` lets page sizes grow
 * back. A request given up after its retries ends the walk and is returned
 * (never a silent cap: the caller marks the read partial); requests GitHub
 * refused for good, aborts and other errors are thrown.
 */
export async function walkConnection<T>(options: {
  client: GithubGraphqlClient;
  signal: AbortSignal;
  query: string;
  describe: (page: number) => string;
  variables: (after: string | null) => Record<string, unknown>;
  extract: (data: unknown) => { pageInfo: PageInfo; items: T[] };
  shrink: () => boolean;
  succeeded: () => void;
  onPage: (items: T[]) => void;
}): Promise<WalkFailure | undefined> {
  let after: string | null = null;
  for (let page = 1; ; page += 1) {
    const cursor: string | null = after;
    let data: unknown;
    try {
      data = await options.client.query(
        {
          describe: options.describe(page),
          query: options.query,
          variables: () => options.variables(cursor),
          shrink: options.shrink,
        },
        options.signal,
      );
    } catch (error) {
      if (error instanceof GithubRequestError && !error.fatal) {
        return { page, message: error.message };
      }
      throw error;
    }
    options.succeeded();
    const { pageInfo, items } = options.extract(data);
    options.onPage(items);
    if (!pageInfo.hasNextPage) return undefined;
    if (!pageInfo.endCursor) {
      return {
        page,
        message: `GitHub said ${options.describe(
          page,
        )} has a next page but gave no cursor`,
      };
    }
    after = pageInfo.endCursor;
  }
}
