/*
 * The RHDH peer of the permission benchmark: a Backstage backend of the
 * release line @backstage-community/plugin-rbac-backend 6.1.0 was built for,
 * with the catalog, the auth plugin and RHDH's RBAC as the permission plugin,
 * SQLite in memory. Started by the benchmark (src/peer.ts) with
 *
 *   node backend.cjs --config <generated app-config>
 *
 * and the environment:
 *   PERMISSION_BENCH_ENTITIES  JSON file with the synthetic Users and Groups
 *
 * Three small additions, all for measuring:
 *   - a catalog entity provider that applies the synthetic entities as one
 *     full mutation (the same data our contender's catalog gets);
 *   - an auth provider "bench" (a proxy provider, like oauth2-proxy) whose
 *     GET /api/auth/bench/refresh issues a real Backstage user token for the
 *     user named in the `x-bench-user` header: the peer verifies these tokens
 *     as it would any sign-in token;
 *   - GET /api/bench/handle-timings: the durations of RBACPermissionPolicy's
 *     handle() calls since the last read (?reset=true clears them) and the
 *     process's CPU time.
 *
 * Plain CommonJS on purpose: it runs with the peer's own node_modules, not
 * through the repository's TypeScript transform.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { createBackend } = require('@backstage/backend-defaults');
const {
  coreServices,
  createBackendModule,
  createBackendPlugin,
} = require('@backstage/backend-plugin-api');
const {
  catalogProcessingExtensionPoint,
} = require('@backstage/plugin-catalog-node/alpha');
const {
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
  createProxyAuthenticator,
} = require('@backstage/plugin-auth-node');
const { InputError } = require('@backstage/errors');

// RHDH's policy class is not exported; time its handle() where it lives.
const rbacMain = require.resolve('@backstage-community/plugin-rbac-backend');
const { RBACPermissionPolicy } = require(path.join(
  path.dirname(rbacMain),
  'policies/permission-policy.cjs.js',
));

let handleTimingsMs = [];
const originalHandle = RBACPermissionPolicy.prototype.handle;
RBACPermissionPolicy.prototype.handle = async function timedHandle(...args) {
  const start = performance.now();
  try {
    return await originalHandle.apply(this, args);
  } finally {
    handleTimingsMs.push(performance.now() - start);
  }
};

const entitiesFile = process.env.PERMISSION_BENCH_ENTITIES;
if (!entitiesFile) {
  throw new Error('PERMISSION_BENCH_ENTITIES is not set');
}

const LOCATION = 'bench:permission-bench';

const benchEntities = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'permission-bench-entities',
  register(reg) {
    reg.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addEntityProvider({
          getProviderName: () => 'permission-bench',
          async connect(connection) {
            const entities = JSON.parse(fs.readFileSync(entitiesFile, 'utf8'));
            await connection.applyMutation({
              type: 'full',
              entities: entities.map(entity => ({
                locationKey: LOCATION,
                entity: {
                  ...entity,
                  metadata: {
                    ...entity.metadata,
                    annotations: {
                      ...entity.metadata.annotations,
                      'backstage.io/managed-by-location': LOCATION,
                      'backstage.io/managed-by-origin-location': LOCATION,
                    },
                  },
                },
              })),
            });
          },
        });
      },
    });
  },
});

const benchSignIn = createBackendModule({
  pluginId: 'auth',
  moduleId: 'permission-bench-provider',
  register(reg) {
    reg.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
        providers.registerProvider({
          providerId: 'bench',
          factory: createProxyAuthProviderFactory({
            authenticator: createProxyAuthenticator({
              defaultProfileTransform: async result => ({
                profile: { displayName: result.userEntityRef },
              }),
              initialize: () => undefined,
              async authenticate({ req }) {
                const ref = req.header('x-bench-user');
                if (!ref || !/^user:default\/[^\s/]+$/.test(ref)) {
                  throw new InputError(
                    'x-bench-user must be user:default/<name>',
                  );
                }
                return { result: { userEntityRef: ref } };
              },
            }),
            async signInResolver({ result }, ctx) {
              return ctx.issueToken({
                claims: {
                  sub: result.userEntityRef,
                  ent: [result.userEntityRef],
                },
              });
            },
          }),
        });
      },
    });
  },
});

const benchTimings = createBackendPlugin({
  pluginId: 'bench',
  register(reg) {
    reg.registerInit({
      deps: { http: coreServices.httpRouter },
      async init({ http }) {
        const express = require('express');
        const router = express.Router();
        router.get('/handle-timings', (req, res) => {
          const timings = handleTimingsMs;
          if (req.query.reset === 'true') {
            handleTimingsMs = [];
          }
          const cpu = process.cpuUsage();
          res.json({ handleMs: timings, cpuUs: cpu.user + cpu.system });
        });
        http.use(router);
        http.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
      },
    });
  },
});

const backend = createBackend();
backend.add(require('@backstage/plugin-auth-backend'));
backend.add(benchSignIn);
backend.add(require('@backstage/plugin-catalog-backend'));
backend.add(benchEntities);
// In 6.1.0 the RBAC package is the permission plugin itself (it builds the
// upstream /authorize router around its policy).
backend.add(require('@backstage-community/plugin-rbac-backend'));
backend.add(benchTimings);
backend.start();
