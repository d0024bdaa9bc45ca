import {
  authorize,
  getJson,
  ldapLogout,
  ldapRefresh,
  ldapSignIn,
  startTopology,
  type Topology,
  waitFor,
} from '@internal/topology-harness';
import { demoPassword } from './support/demoAccounts';
import { signInWhenReady } from './support/portal';

// Each replica calls the *other* replica's catalog (discovery.endpoints in its own config file), so
// every sign-in below also proves that a service token minted by one replica is accepted by the other.
describe('sessions and throttling across two replicas', () => {
  let topology: Topology;
  let a: string;
  let b: string;

  beforeAll(async () => {
    topology = await startTopology({
      crossWiredCatalog: true,
      throttle: { perUsername: 5, perAddress: 1000, window: '1m' },
    });
    [a, b] = topology.replicas.map(replica => replica.url);
  }, 240_000);

  afterAll(() => topology?.stop(), 60_000);

  it('restores through replica B a session created through replica A', async () => {
    const signedIn = await signInWhenReady(a, 'alice');
    expect(signedIn.userEntityRef).toBe('user:default/alice');

    const restored = await ldapRefresh(b, signedIn.cookie);
    expect(restored.status).toBe(200);
    expect(restored.userEntityRef).toBe('user:default/alice');
    expect(restored.token).toBeDefined();
    expect(restored.token).not.toBe(signedIn.token);
  });

  it('revokes on replica A a session logged out on replica B', async () => {
    const signedIn = await signInWhenReady(a, 'bob');
    expect((await ldapRefresh(a, signedIn.cookie)).status).toBe(200);

    expect(await ldapLogout(b, signedIn.cookie)).toBe(200);

    const afterLogout = await ldapRefresh(a, signedIn.cookie);
    expect(afterLogout.status).toBe(401);
    expect(afterLogout.message).toBe('No valid LDAP session');
    expect((await ldapRefresh(b, signedIn.cookie)).status).toBe(401);
  });

  it('accepts on each replica the user tokens and service tokens the other replica issued', async () => {
    // Signed in on A: A's auth plugin called B's catalog with A's service token.
    const replicaB = topology.replicas[1];
    const seenOnB = replicaB.lines.length;
    const fromA = await signInWhenReady(a, 'alice');
    const catalogCallsOnB = replicaB.lines
      .slice(seenOnB)
      .map(line => line.text)
      .filter(
        text =>
          text.includes('"type":"incomingRequest"') &&
          text.includes('"url":"/api/catalog/') &&
          text.includes('"status":200'),
      );
    expect(catalogCallsOnB.length).toBeGreaterThan(0);
    // Signed in on B: the other way round.
    const fromB = await signInWhenReady(b, 'bob');

    for (const [token, replica] of [
      [fromA.token, b],
      [fromB.token, a],
    ]) {
      const entity = await getJson(
        replica,
        '/api/catalog/entities/by-name/user/default/alice',
        token,
      );
      expect(entity.status).toBe(200);
      expect(entity.body.metadata.name).toBe('alice');
    }
    // A replica's org graph may predate the first org sync by a few seconds; a user it does not know
    // yet is denied until it reloads (at most 10 s later), so wait for the decision to settle.
    await waitFor(
      "replica B's decision for alice",
      async () =>
        (
          await authorize(b, fromA.token, ['catalog.location.create'])
        ).results.join() === 'ALLOW',
      { timeoutMs: 30_000, intervalMs: 1000 },
    );
    expect(
      (await authorize(a, fromB.token, ['catalog.location.create'])).results,
    ).toEqual(['DENY']);
  });

  it('counts failed sign-ins on replicas A and B together', async () => {
    const uid = 'jgarcia';
    // The account exists (a correct sign-in works) before any failure.
    await signInWhenReady(a, uid);

    // 5 failures (the per-username limit), spread 3 on A and 2 on B: neither replica alone saw 5.
    const replicasInTurn = [a, b, a, b, a];
    for (const replica of replicasInTurn) {
      const refused = await ldapSignIn(replica, uid, 'not-the-password');
      expect(refused.status).toBe(401);
    }

    // Both replicas now refuse even the right password, without asking the directory.
    for (const replica of [a, b]) {
      const locked = await ldapSignIn(replica, uid, demoPassword(uid));
      expect(locked.status).toBe(429);
      expect(locked.retryAfterSeconds).toBeGreaterThan(0);
    }
    // Another account is not affected.
    expect((await ldapSignIn(b, 'alice', demoPassword('alice'))).status).toBe(
      200,
    );
  });
});
