import {
  authorize,
  getJson,
  ldapSignIn,
  waitFor,
  type SignInAnswer,
} from '@internal/topology-harness';
import { demoPassword } from './demoAccounts';

/** Signs `uid` in on `baseUrl` once org sync has put the demo people into the catalog. */
export async function signInWhenReady(
  baseUrl: string,
  uid: string,
): Promise<SignInAnswer & { token: string; cookie: string }> {
  let answer: SignInAnswer | undefined;
  await waitFor(
    `sign-in of ${uid} on ${baseUrl}`,
    async () => {
      answer = await ldapSignIn(baseUrl, uid, demoPassword(uid));
      return answer.status === 200;
    },
    { timeoutMs: 90_000, intervalMs: 1000 },
  );
  return answer as SignInAnswer & { token: string; cookie: string };
}

/** The refs of every User and Group in the catalog, as `kind:namespace/name`. */
export async function orgRefs(
  baseUrl: string,
  token: string,
): Promise<string[]> {
  const { status, body } = await getJson(
    baseUrl,
    '/api/catalog/entities/by-query?filter=kind=user&filter=kind=group&limit=1000&fields=kind,metadata.name,metadata.namespace',
    token,
  );
  if (status !== 200) {
    throw new Error(`catalog query on ${baseUrl} answered ${status}`);
  }
  return (body.items as any[])
    .map(
      e =>
        `${String(e.kind).toLowerCase()}:${e.metadata.namespace ?? 'default'}/${
          e.metadata.name
        }`,
    )
    .sort();
}

/**
 * Waits until every replica decides `permission` for the token as `expected`: the policy's org graph
 * is loaded at start-up and refreshed after org sync, so a user who was just synced needs a moment.
 */
export async function waitForDecision(
  urls: string[],
  token: string,
  permission: string,
  expected: string,
): Promise<void> {
  await waitFor(
    `${permission} decided ${expected} on every replica`,
    async () => {
      for (const url of urls) {
        const { results } = await authorize(url, token, [permission]);
        if (results[0] !== expected) return false;
      }
      return true;
    },
    { timeoutMs: 60_000, intervalMs: 1000 },
  );
}
