import {
  authorize,
  startTopology,
  waitFor,
  type Topology,
} from '@internal/topology-harness';
import { signInWhenReady } from './support/portal';

const REGISTER = ['catalog.location.create', 'catalog.entity.create'];

type Decisions = Record<string, Record<string, string[]>>;

describe('the group policy on two replicas', () => {
  let topology: Topology;
  let tokens: Record<'alice' | 'bob', string>;

  /** Each replica's decisions for REGISTER, per user. */
  async function decisions(): Promise<Decisions> {
    const result: Decisions = {};
    for (const replica of topology.replicas) {
      result[replica.name] = {};
      for (const [user, token] of Object.entries(tokens)) {
        const answer = await authorize(replica.url, token, REGISTER);
        result[replica.name][user] =
          answer.status === 200 ? answer.results : [`HTTP ${answer.status}`];
      }
    }
    return result;
  }

  /** Waits until both replicas decide `expected` for alice and bob. */
  async function waitForDecisions(
    what: string,
    expected: Record<'alice' | 'bob', string[]>,
  ) {
    const want = JSON.stringify({ a: expected, b: expected });
    let seen: Decisions | undefined;
    await waitFor(
      what,
      async () => {
        seen = await decisions();
        return JSON.stringify(seen) === want;
      },
      {
        timeoutMs: 60_000,
        intervalMs: 500,
        lastSeen: () => JSON.stringify(seen),
      },
    );
  }

  const platformOnly = { alice: ['ALLOW', 'ALLOW'], bob: ['DENY', 'DENY'] };
  const withWeb = { alice: ['ALLOW', 'ALLOW'], bob: ['ALLOW', 'ALLOW'] };

  beforeAll(async () => {
    topology = await startTopology({
      registrarGroups: ['group:default/platform-team'],
    });
    const [a, b] = topology.replicas;
    tokens = {
      alice: (await signInWhenReady(a.url, 'alice')).token,
      bob: (await signInWhenReady(b.url, 'bob')).token,
    };
  }, 240_000);

  afterAll(() => topology?.stop(), 60_000);

  it('decides the same on both replicas', async () => {
    // The policy's org graph is loaded at start-up and after org sync; wait until both know the users.
    await waitForDecisions(
      'both replicas decide for alice and bob',
      platformOnly,
    );
    expect(await decisions()).toEqual({ a: platformOnly, b: platformOnly });
  });

  it('applies an edit of the shared policy file on both replicas', async () => {
    // The platform team binds registrar to web as well: bob (web) may now register, on both replicas.
    await topology.setRegistrarGroups([
      'group:default/platform-team',
      'group:default/web',
    ]);
    await waitForDecisions('the widened policy file on both replicas', withWeb);

    // And back: the binding removed again takes bob's right away on both.
    await topology.setRegistrarGroups(['group:default/platform-team']);
    await waitForDecisions(
      'the narrowed policy file on both replicas',
      platformOnly,
    );
    expect(await decisions()).toEqual({ a: platformOnly, b: platformOnly });
  });

  it('applies an edit of the shared app-config file on both replicas (config reload)', async () => {
    await topology.setConfigBindings([
      { role: 'registrar', members: ['group:default/web'] },
    ]);
    await waitForDecisions('the widened app-config on both replicas', withWeb);
    expect(await decisions()).toEqual({ a: withWeb, b: withWeb });
  });
});
