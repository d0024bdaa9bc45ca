import type { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { JsonObject } from '@backstage/types';
import type { Knex } from 'knex';
import { createTestKnex, startHealthBackend } from './startHealthBackend';
import { startStandins } from './standins';

/** The running GitHub and GitLab stand-ins. */
export type Standins = Awaited<ReturnType<typeof startStandins>>;

/** A running backend with the scm-integrations plugin. */
export type HealthBackend = Awaited<ReturnType<typeof startHealthBackend>>;

/**
 * Registers the hooks of a suite that runs the plugin against the stand-ins:
 * the stand-ins live for the whole suite; each test gets a fresh in-memory
 * database, and after it no stand-in fault is left and every backend that
 * `start` started is stopped.
 */
export function standinSuite() {
  let standins: Standins;
  let knex: Knex;
  const backends: HealthBackend[] = [];

  beforeAll(async () => {
    standins = await startStandins();
  });
  afterAll(() => standins.stop());
  beforeEach(() => {
    knex = createTestKnex();
  });
  afterEach(async () => {
    standins.github.faults.clear();
    standins.gitlab.faults.clear();
    for (const backend of backends.splice(0)) {
      await backend.stop();
    }
    await knex.destroy();
  });

  return {
    get standins(): Standins {
      return standins;
    },
    /** Starts the plugin with this root config on the test's database. */
    async start(
      config: JsonObject,
      permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
    ): Promise<HealthBackend> {
      const backend = await startHealthBackend({ config, knex, permission });
      backends.push(backend);
      return backend;
    },
    /** New stand-ins for the rest of the suite, after a test stopped one. */
    async restartStandins(): Promise<void> {
      const restarted = await startStandins();
      await standins.stop().catch(() => undefined);
      standins = restarted;
    },
  };
}
