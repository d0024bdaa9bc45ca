import {
  authorize,
  getJson,
  ldapRefresh,
  ldapSignIn,
  startTopology,
  waitFor,
  type Topology,
} from '@internal/topology-harness';
import { demoPassword } from './support/demoAccounts';
import { signInWhenReady, waitForDecision } from './support/portal';

/** A request that has not been answered after this long counts as hanging. */
const HANG_MS = 15_000;

describe('Redis and PostgreSQL failures under two replicas', () => {
  let topology: Topology;
  let urls: string[];

  beforeAll(async () => {
    topology = await startTopology({
      throttle: { perUsername: 3, perAddress: 1000, window: '1m' },
    });
    urls = topology.replicas.map(replica => replica.url);
    const { token } = await signInWhenReady(urls[0], 'alice');
    await waitForDecision(urls, token, 'catalog.location.create', 'ALLOW');
  }, 240_000);

  afterAll(() => topology?.stop(), 60_000);

  it('keeps signing in on both replicas while Redis is down, unthrottled (fail open), and throttles again once it is back', async () => {
    await topology.redis.stop();
    try {
      for (const url of urls) {
        const signedIn = await ldapSignIn(
          url,
          'alice',
          demoPassword('alice'),
          AbortSignal.timeout(HANG_MS),
        );
        expect(signedIn.status).toBe(200);
        // The rest of a user's path works too.
        const entity = await getJson(
          url,
          '/api/catalog/entities/by-name/user/default/alice',
          signedIn.token,
          AbortSignal.timeout(HANG_MS),
        );
        expect(entity.status).toBe(200);
        const decision = await authorize(
          url,
          signedIn.token!,
          ['catalog.location.create'],
          AbortSignal.timeout(HANG_MS),
        );
        expect(decision.results).toEqual(['ALLOW']);
      }
      // Fail open: more failures than the limit (3), none answered 429, and the right password works.
      for (let attempt = 0; attempt < 5; attempt++) {
        const refused = await ldapSignIn(
          urls[attempt % 2],
          'olie',
          'not-the-password',
          AbortSignal.timeout(HANG_MS),
        );
        expect(refused.status).toBe(401);
      }
      expect(
        (await ldapSignIn(urls[1], 'olie', demoPassword('olie'))).status,
      ).toBe(200);
      expect(topology.replicas.every(replica => replica.isRunning())).toBe(
        true,
      );
    } finally {
      await topology.redis.start();
    }

    // Redis is back (empty): the replicas reconnect and count together again.
    await waitFor(
      'the throttle counts again',
      async () => {
        const answers = [];
        for (let attempt = 0; attempt < 4; attempt++) {
          answers.push(
            (await ldapSignIn(urls[attempt % 2], 'smadsen', 'not-the-password'))
              .status,
          );
        }
        return answers.includes(429);
      },
      { timeoutMs: 30_000, intervalMs: 1000 },
    );
    expect(
      (await ldapSignIn(urls[0], 'smadsen', demoPassword('smadsen'))).status,
    ).toBe(429);
  });

  it('recovers from a PostgreSQL restart without restarting the replicas', async () => {
    const session = await signInWhenReady(urls[0], 'bob');
    const pids = topology.replicas.map(replica => replica.pid());

    await topology.postgres.stop();
    // While the database is down, requests are answered (with an error), not left hanging.
    for (const url of urls) {
      const answer = await ldapSignIn(
        url,
        'alice',
        demoPassword('alice'),
        AbortSignal.timeout(HANG_MS),
      );
      expect(answer.status).toBeGreaterThanOrEqual(500);
    }
    await topology.postgres.start();

    for (const url of urls) {
      await signInWhenReady(url, 'alice');
      // The session stored before the restart is still there, on either replica.
      const restored = await ldapRefresh(url, session.cookie);
      expect(restored.status).toBe(200);
      expect(restored.userEntityRef).toBe('user:default/bob');
    }
    expect(topology.replicas.every(replica => replica.isRunning())).toBe(true);
    expect(topology.replicas.map(replica => replica.pid())).toEqual(pids);
  });
});
