import type { ClientOptions, Entry, SearchOptions, SearchResult } from 'ldapts';
import type { CreateLdapClient, LdapClient } from '@identity-portal/ldap-node';

/** How a fake server answers. */
export interface FakeServer {
  /** Throw to refuse the bind (or the connection). */
  bind?(dn: string, password: string): void;
  /** Base-scope searches: the RootDSE, range retrieval. */
  search?(baseDn: string, options: SearchOptions): Entry[];
  /**
   * Paged searches: the pages to return; an Error in the list is thrown when
   * that page is requested.
   */
  pages?(baseDn: string, options: SearchOptions): Array<Entry[] | Error>;
}

/** One call a fake client received. */
export interface FakeCall {
  url: string;
  /** Which client (connection) made the call, counting from 0. */
  client: number;
  method: 'bind' | 'unbind' | 'startTLS' | 'search' | 'searchPaginated';
  args: unknown[];
}

/**
 * A client factory whose clients answer from the given servers, by URL, and
 * record every call.
 */
export function fakeClients(servers: Record<string, FakeServer>): {
  createClient: CreateLdapClient;
  calls: FakeCall[];
  options: ClientOptions[];
} {
  const calls: FakeCall[] = [];
  const options: ClientOptions[] = [];

  const createClient: CreateLdapClient = clientOptions => {
    const index = options.length;
    options.push(clientOptions);
    const { url } = clientOptions;
    const server = servers[url];
    let unbound = false;
    const record = (method: FakeCall['method'], args: unknown[]) =>
      calls.push({ url, client: index, method, args });

    const client: LdapClient = {
      async bind(dn: any, password?: string) {
        record('bind', [dn]);
        if (!server) {
          throw new Error(`connect ECONNREFUSED ${url}`);
        }
        server.bind?.(String(dn), password ?? '');
      },
      async unbind() {
        record('unbind', []);
        unbound = true;
      },
      async startTLS(tlsOptions?: unknown) {
        record('startTLS', [tlsOptions]);
      },
      async search(
        baseDn: any,
        searchOptions?: SearchOptions,
      ): Promise<SearchResult> {
        record('search', [String(baseDn), searchOptions]);
        if (unbound) {
          throw new Error('Connection closed');
        }
        return {
          searchEntries:
            server?.search?.(String(baseDn), searchOptions ?? {}) ?? [],
          searchReferences: [],
        };
      },
      async *searchPaginated(
        baseDn: any,
        searchOptions?: SearchOptions,
      ): AsyncGenerator<SearchResult> {
        record('searchPaginated', [String(baseDn), searchOptions]);
        const pages =
          server?.pages?.(String(baseDn), searchOptions ?? {}) ?? [];
        for (const page of pages) {
          // Let the other search and abort handlers run in between.
          await new Promise(resolve => setImmediate(resolve));
          if (unbound) {
            throw new Error(
              'Connection closed before message response was received',
            );
          }
          if (page instanceof Error) {
            throw page;
          }
          yield { searchEntries: page, searchReferences: [] };
        }
      },
    };
    return client;
  };

  return { createClient, calls, options };
}

/** A 16-byte GUID whose bytes are 0..15 plus `seed`. */
export function guidBytes(seed: number): Buffer {
  return Buffer.from(Array.from({ length: 16 }, (_, i) => (i + seed) % 256));
}
