import { startTopology, type Topology } from '@internal/topology-harness';
import { signInWhenReady } from './support/portal';

// Both replicas of a new deployment start at the same moment on an empty database, as an orchestrator
// rolls them out. They race for knex's migration lock (Backstage's own key store migrations among them);
// a replica that loses must exit with an error, so that the orchestrator's restart brings it up, rather
// than stay up and never become ready.
describe('two replicas started together on a new database', () => {
  let topology: Topology;

  beforeAll(async () => {
    topology = await startTopology({ startTogether: true });
  }, 300_000);

  afterAll(() => topology?.stop(), 60_000);

  it('both become ready; a replica whose start-up failed had exited with status 1, not hung', async () => {
    for (const replica of topology.replicas) {
      expect(replica.isRunning()).toBe(true);
      for (const exit of replica.unexpectedExits) {
        expect(exit).toEqual({ code: 1, signal: null });
      }
      expect(replica.unexpectedExits.length).toBeLessThanOrEqual(4);
    }
  });

  it('serves sign-in on both replicas', async () => {
    for (const replica of topology.replicas) {
      const answer = await signInWhenReady(replica.url, 'alice');
      expect(answer.userEntityRef).toBe('user:default/alice');
    }
  });
});
