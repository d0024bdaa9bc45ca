/*
 * (b)/(c) A backend serving /api/permission/authorize over real HTTP:
 * catalog + permission + our policy module or the allow-all policy module,
 * started with startTestBackend (mock credentials, SQLite in memory). The
 * synthetic Users and Groups go into the real catalog through a small
 * entity provider; the child announces its port once the catalog serves
 * them all (and, for ours, once the policy's org graph holds them), then
 * serves until it is stopped. The parent drives the load from its own
 * process. Started by the benchmark with its parameters in the environment.
 */
import { readFileSync } from 'node:fs';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { GroupPolicy } from '@identity-portal/plugin-permission-backend-module-group-policy';
import { benchEntitiesModule } from './benchEntitiesModule';
import {
  announce,
  errorText,
  PROGRESS_PREFIX,
  READY_PREFIX,
  readParams,
  RESULT_PREFIX,
  ServerChildParams,
  ServerReady,
} from './protocol';
import { waitForCatalog } from '../waitForCatalog';

let handleTimingsMs: number[] = [];

type PolicyClass = {
  prototype: { handle(...args: unknown[]): Promise<unknown> };
};

/**
 * Times a policy class's handle() where the permission backend calls it.
 * Both contenders get the same wrapper, so it costs them alike.
 */
function timeHandle(policyClass: PolicyClass) {
  const original = policyClass.prototype.handle;
  policyClass.prototype.handle = async function timedHandle(
    ...args: unknown[]
  ) {
    const start = performance.now();
    try {
      return await original.apply(this, args);
    } finally {
      handleTimingsMs.push(performance.now() - start);
    }
  };
}

function allowAllPolicyClass(): PolicyClass {
  // The class is not exported from the package's entry point.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@backstage/plugin-permission-backend-module-allow-all-policy/dist/policy.cjs.js')
    .AllowAllPermissionPolicy;
}

/**
 * GET /api/bench/handle-timings[?reset=true]: the handle() durations so far
 * and the process's CPU time.
 */
const benchTimingsPlugin = createBackendPlugin({
  pluginId: 'bench',
  register(reg) {
    reg.registerInit({
      deps: { http: coreServices.httpRouter },
      async init({ http }) {
        http.use((req, res, next) => {
          if (req.method !== 'GET' || req.path !== '/handle-timings') {
            next();
            return;
          }
          const timings = handleTimingsMs;
          if (req.query.reset === 'true') {
            handleTimingsMs = [];
          }
          const cpu = process.cpuUsage();
          res.json({ handleMs: timings, cpuUs: cpu.user + cpu.system });
        });
        http.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
      },
    });
  },
});

async function refreshOurGraph(baseUrl: string, adminUser: string) {
  const headers = { authorization: mockCredentials.user.header(adminUser) };
  const refresh = await fetch(
    `${baseUrl}/api/permission/group-policy/refresh`,
    {
      method: 'POST',
      headers,
    },
  );
  if (!refresh.ok) {
    throw new Error(
      `POST /api/permission/group-policy/refresh as ${adminUser}: HTTP ${
        refresh.status
      } ${await refresh.text()}`,
    );
  }
  const me = await fetch(`${baseUrl}/api/permission/group-policy/me`, {
    headers,
  });
  if (!me.ok) {
    throw new Error(`GET /api/permission/group-policy/me: HTTP ${me.status}`);
  }
  const body = (await me.json()) as {
    graph: { users: number; groups: number };
  };
  return { users: body.graph.users, groups: body.graph.groups };
}

async function main() {
  const params = readParams<ServerChildParams>();
  const entities = JSON.parse(
    readFileSync(params.files.entities, 'utf8'),
  ) as Entity[];
  const policyDocument = JSON.parse(readFileSync(params.files.policy, 'utf8'));
  timeHandle(
    params.policy === 'ours'
      ? (GroupPolicy as unknown as PolicyClass)
      : allowAllPolicyClass(),
  );

  const started = performance.now();
  const backend = await startTestBackend({
    features: [
      mockServices.rootConfig.factory({
        data: {
          // Processed once on arrival; no re-processing during the load.
          catalog: { processingInterval: { hours: 24 } },
          permission: {
            enabled: true,
            groupPolicy: {
              ...policyDocument,
              // Loaded once on demand below; no reload during the load.
              graph: { refresh: { hours: 12 }, maxStaleness: { hours: 24 } },
            },
          },
        },
      }),
      mockServices.rootLogger.factory({ level: params.logLevel }),
      import('@backstage/plugin-catalog-backend'),
      benchEntitiesModule(entities),
      import('@backstage/plugin-permission-backend'),
      params.policy === 'ours'
        ? import(
            '@identity-portal/plugin-permission-backend-module-group-policy'
          )
        : import(
            '@backstage/plugin-permission-backend-module-allow-all-policy'
          ),
      benchTimingsPlugin,
    ],
  });
  const startMs = performance.now() - started;
  const port = backend.server.port();
  const baseUrl = `http://127.0.0.1:${port}`;

  await waitForCatalog({
    baseUrl,
    authorization: mockCredentials.service.header(),
    entities,
    expected: params.expectedEntities,
    progress: message =>
      process.stderr.write(`\n${PROGRESS_PREFIX}${message}\n`),
  });
  const graph =
    params.policy === 'ours'
      ? await refreshOurGraph(baseUrl, params.adminUser)
      : undefined;
  handleTimingsMs = [];
  const ready: ServerReady = {
    port,
    startMs,
    catalogReadyMs: performance.now() - started,
    graph,
  };
  await announce(READY_PREFIX, ready);

  const stop = () => {
    backend.stop().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch(async error => {
  await announce(RESULT_PREFIX, { ok: false, error: errorText(error) });
  process.exit(1);
});
