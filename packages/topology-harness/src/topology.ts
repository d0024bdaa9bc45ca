import { chmod, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDemoOrg, toLdif } from '@internal/demo-org';
import { startSlapd, type SlapdInstance } from '@internal/slapd-harness';
import { startLoadBalancer, type LoadBalancer } from './loadBalancer';
import { findFreePort } from './ports';
import { startPostgres, type PostgresServer } from './postgres';
import { startRedis, type RedisServer } from './redis';
import { createReplica, REPO_ROOT, type Replica } from './replica';
import { startSlowProxy, type SlowProxy } from './slowProxy';
import {
  DIRECTORY_READER,
  organisationConfig,
  policyConfig,
  policyFile,
  replicaConfig,
  type OrganisationConfigOptions,
  type PolicyBinding,
} from './topologyConfig';

const SUFFIX = 'dc=example,dc=com';

/**
 * Replaces a file atomically (a new file renamed over it), as a ConfigMap or a deployment tool does:
 * Backstage reads a changed config file once per change event, so a file rewritten in place can be
 * read half-written.
 */
async function replaceFile(path: string, content: string) {
  const next = `${path}.next`;
  await writeFile(next, content);
  await rename(next, path);
}

/** Options for {@link startTopology}. */
export interface TopologyOptions {
  /** Org sync schedule; default every 10 s, lock timeout 20 s. */
  orgSync?: OrganisationConfigOptions['orgSync'];
  /** LDAP sign-in throttle; default 5 per username, 1000 per address, 1 minute. */
  throttle?: OrganisationConfigOptions['throttle'];
  /** Groups bound to the `registrar` role; default platform-team. */
  registrarGroups?: string[];
  /** Each replica calls the other replica's catalog (service tokens cross replicas on every sign-in). */
  crossWiredCatalog?: boolean;
  /** Where logs go; default a temporary directory. */
  logDir?: string;
  /**
   * Starts both replicas at the same moment, as an orchestrator rolls out a new deployment, and, like its
   * restart policy, starts a replica again (at most 4 times, after 2, 4, 8, 16 s) when its process exits
   * during start-up.
   * Default: one after the other.
   */
  startTogether?: boolean;
}

/** The production topology on loopback. */
export interface Topology {
  dir: string;
  postgres: PostgresServer;
  redis: RedisServer;
  directory: SlapdInstance;
  /** Replica A and replica B. */
  replicas: [Replica, Replica];
  /** Round robin over the running replicas; `backend.baseUrl` of both. */
  loadBalancer: LoadBalancer;
  /** The directory proxy of each replica's org sync source (same order as `replicas`). */
  orgSyncProxies: [SlowProxy, SlowProxy];
  /** Replaces the policy file that both replicas load (the group policy polls it). */
  setRegistrarGroups(groups: string[]): Promise<void>;
  /** Replaces the policy's app-config file that both replicas load (Backstage watches it). */
  setConfigBindings(bindings: PolicyBinding[]): Promise<void>;
  /** The environment of the replicas (app-config.production.yaml's variables). */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL (TLS), Redis, the demo directory (slapd seeded with the demo organisation), a
 * loopback load balancer and two backend replicas with `app-config.yaml`, `app-config.production.yaml`
 * and the test's organisation config, then waits until both answer their readiness check.
 */
export async function startTopology(
  options: TopologyOptions = {},
): Promise<Topology> {
  const dir = await mkdtemp(join(tmpdir(), 'topology-'));
  // PostgreSQL runs as an unprivileged user when the tests run as root: it must reach its directory.
  await chmod(dir, 0o755);
  const logDir = options.logDir ?? dir;
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) {
      await stop().catch(() => {});
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const [postgres, redis, directory] = await Promise.all([
      startPostgres(join(dir, 'postgres')),
      startRedis(join(dir, 'redis')),
      startSlapd({
        suffix: SUFFIX,
        ldif: toLdif(loadDemoOrg(), {
          baseDn: SUFFIX,
          serviceAccount: { password: DIRECTORY_READER.password },
        }),
      }),
    ]);
    stops.push(postgres.stop, redis.stop, () => directory.stop());

    const ports = [await findFreePort(), await findFreePort()];
    const urls = ports.map(port => `http://127.0.0.1:${port}`);
    const replicas: Replica[] = [];
    const loadBalancer = await startLoadBalancer(() => {
      const running = replicas.filter(replica => replica.isRunning());
      return (running.length > 0 ? running : replicas).map(r => r.url);
    });
    stops.push(loadBalancer.stop);
    const directoryTarget = { host: '127.0.0.1', port: directory.port };
    const orgSyncProxies = [
      await startSlowProxy(directoryTarget),
      await startSlowProxy(directoryTarget),
    ] as [SlowProxy, SlowProxy];
    stops.push(...orgSyncProxies.map(proxy => proxy.stop));

    const organisationFile = join(dir, 'app-config.organisation.yaml');
    const policyConfigFile = join(dir, 'app-config.policy.yaml');
    const policyYamlFile = join(dir, 'policy.yaml');
    await writeFile(
      organisationFile,
      organisationConfig({
        publicUrl: loadBalancer.url,
        directoryUrl: directory.url,
        orgSync: options.orgSync ?? {
          frequencySeconds: 10,
          timeoutSeconds: 20,
        },
        throttle: options.throttle ?? {
          perUsername: 5,
          perAddress: 1000,
          window: '1m',
        },
      }),
    );
    await writeFile(
      policyYamlFile,
      policyFile(options.registrarGroups ?? ['group:default/platform-team']),
    );
    await writeFile(policyConfigFile, policyConfig(policyYamlFile, []));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      APP_BASE_URL: loadBalancer.url,
      BACKEND_BASE_URL: loadBalancer.url,
      ORGANIZATION_NAME: 'Example Corp',
      POSTGRES_HOST: postgres.host,
      POSTGRES_PORT: String(postgres.port),
      POSTGRES_USER: postgres.user,
      POSTGRES_PASSWORD: postgres.password,
      POSTGRES_CA: postgres.caPem,
      REDIS_URL: redis.url,
      AUTH_SESSION_SECRET: `topology-${Math.random().toString(36).slice(2)}`,
    };

    const created = (['a', 'b'] as const).map((name, index) =>
      createReplica({
        name,
        port: ports[index],
        configFiles: [
          join(REPO_ROOT, 'app-config.yaml'),
          join(REPO_ROOT, 'app-config.production.yaml'),
          organisationFile,
          policyConfigFile,
          join(dir, `app-config.replica-${name}.yaml`),
        ],
        env,
        logDir,
      }),
    );
    for (const [index, replica] of created.entries()) {
      await writeFile(
        join(dir, `app-config.replica-${replica.name}.yaml`),
        replicaConfig({
          orgSyncDirectoryUrl: orgSyncProxies[index].url,
          catalogUrl: options.crossWiredCatalog ? urls[1 - index] : undefined,
        }),
      );
      replicas.push(replica);
      stops.push(() => replica.stop());
    }
    if (options.startTogether) {
      await Promise.all(created.map(startRestartingOnExit));
    } else {
      // One after the other: on a new database the first replica runs every plugin's migrations; two
      // replicas starting at once race for knex's migration lock and the loser's start-up fails
      // (MigrationLocked), after which it exits to be restarted (`startTogether` covers that).
      for (const replica of created) await replica.start();
    }

    return {
      dir,
      postgres,
      redis,
      directory,
      replicas: replicas as [Replica, Replica],
      loadBalancer,
      orgSyncProxies,
      env,
      setRegistrarGroups: groups =>
        replaceFile(policyYamlFile, policyFile(groups)),
      setConfigBindings: bindings =>
        replaceFile(policyConfigFile, policyConfig(policyYamlFile, bindings)),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/**
 * Starts a replica, and again when its process exits during start-up, at most 4 times with a doubling
 * delay from 2 seconds: an orchestrator's restart policy (Kubernetes' back-off, shortened).
 */
async function startRestartingOnExit(replica: Replica): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await replica.start();
      return;
    } catch (error) {
      if (replica.isRunning() || attempt >= 4) throw error;
      await new Promise(resolve => setTimeout(resolve, 2_000 * 2 ** attempt));
    }
  }
}
