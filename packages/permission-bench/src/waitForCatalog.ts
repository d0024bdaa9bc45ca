import type { Entity } from '@backstage/catalog-model';

const POLL_MS = 1000;
const SAMPLE_USERS = 25;

async function getJson<T>(url: string, authorization: string): Promise<T> {
  const response = await fetch(url, { headers: { authorization } });
  if (!response.ok) {
    throw new Error(`GET ${url}: HTTP ${response.status}`);
  }
  return (await response.json()) as T;
}

/**
 * Waits until the catalog serves `expected` entities and the memberships of
 * a sample of users (the last ones applied among them) show up as memberOf
 * relations, i.e. processing and stitching are done. Gives up after
 * `timeoutMs`.
 */
export async function waitForCatalog(options: {
  baseUrl: string;
  /** Authorization header value the catalog accepts. */
  authorization: string;
  entities: readonly Entity[];
  expected: number;
  timeoutMs?: number;
  /** Called about every 10 s while waiting. */
  progress(message: string): void;
}) {
  const { baseUrl, authorization, entities, expected } = options;
  const deadline = Date.now() + (options.timeoutMs ?? 15 * 60_000);
  const users = entities.filter(e => e.kind === 'User');
  const sample = users.slice(-SAMPLE_USERS);
  let lastReport = 0;
  for (;;) {
    const page = await getJson<{ totalItems: number }>(
      `${baseUrl}/api/catalog/entities/by-query?limit=1`,
      authorization,
    );
    let settled = page.totalItems >= expected;
    if (settled) {
      for (const user of sample) {
        const entity = await getJson<Entity>(
          `${baseUrl}/api/catalog/entities/by-name/user/default/${user.metadata.name}`,
          authorization,
        );
        const wanted = (user.spec?.memberOf as string[]).length;
        const have = (entity.relations ?? []).filter(
          r => r.type === 'memberOf',
        ).length;
        if (have < wanted) {
          settled = false;
          break;
        }
      }
    }
    if (settled) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `the catalog still serves ${
          page.totalItems
        } of ${expected} entities (or their relations are not stitched yet) after ${
          (options.timeoutMs ?? 15 * 60_000) / 1000
        } s`,
      );
    }
    if (Date.now() - lastReport > 10_000) {
      lastReport = Date.now();
      options.progress(
        `catalog serves ${page.totalItems} of ${expected} entities`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, POLL_MS));
  }
}
