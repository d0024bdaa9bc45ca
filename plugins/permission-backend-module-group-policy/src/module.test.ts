import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  actorKeepingAuthFactory,
  actorKeepingHttpAuthFactory,
} from './__testUtils__/actorKeepingAuth';
import { demoPolicy, orgEntities } from './__testUtils__/fixtures';
import { permissionModuleGroupPolicy } from './module';

const LOCATION = 'url:https://example.com/org.yaml';

function located(entity: Entity): Entity {
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        'backstage.io/managed-by-location': LOCATION,
        'backstage.io/managed-by-origin-location': LOCATION,
      },
    },
  };
}

const component = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner },
});
const components = [
  component('portal-backend', 'group:default/platform-team'),
  component('web-shop', 'group:default/web'),
];

/** The demo policy, plus an owner-only read for the on-call team. */
const testPolicy = {
  roles: {
    ...demoPolicy.roles,
    'owned-read': {
      rules: [{ allow: 'catalog.entity.read', when: { isOwner: true } }],
    },
  },
  bindings: [
    ...demoPolicy.bindings,
    { role: 'owned-read', members: ['group:default/sre-oncall'] },
  ],
};

/** Feeds the test org and two components into the real catalog. */
const orgModule = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'test-org',
  register(reg) {
    reg.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addEntityProvider({
          getProviderName: () => 'test-org',
          async connect(connection) {
            await connection.applyMutation({
              type: 'full',
              entities: [...orgEntities, ...components].map(entity => ({
                entity: located(entity),
                locationKey: 'test-org',
              })),
            });
          },
        });
      },
    });
  },
});

const config = (groupPolicy: object) => ({
  permission: { enabled: true, groupPolicy },
  catalog: {
    rules: [{ allow: ['User', 'Group', 'Component', 'Location'] }],
    processingInterval: { seconds: 1 },
  },
});

describe('the group policy in a backend with the real catalog and permission plugins', () => {
  const rootConfig = mockServices.rootConfig({ data: config(testPolicy) });
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let base: string;

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        orgModule,
        permissionPlugin,
        permissionModuleGroupPolicy,
        actorKeepingAuthFactory,
        actorKeepingHttpAuthFactory,
        createServiceFactory({
          service: coreServices.rootConfig,
          deps: {},
          factory: () => rootConfig,
        }),
      ],
    });
    const { port } = backend.server.address() as { port: number };
    base = `http://localhost:${port}/api`;
    // Wait until the catalog has stitched the component's ownership.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const r = await fetch(
        `${base}/catalog/entities/by-name/component/default/portal-backend`,
        {
          headers: { Authorization: mockCredentials.service.header() },
        },
      );
      const body = r.ok ? await r.json() : undefined;
      if (body?.relations?.some((x: any) => x.type === 'ownedBy')) break;
      if (Date.now() > deadline)
        throw new Error('catalog never stitched the test entities');
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  }, 60_000);

  afterAll(() => backend?.stop());

  const as = (user: string) => ({
    Authorization: mockCredentials.user.header(user),
    'Content-Type': 'application/json',
  });

  async function authorize(user: string, items: object[]) {
    const response = await fetch(`${base}/permission/authorize`, {
      method: 'POST',
      headers: as(user),
      body: JSON.stringify({
        items: items.map((item, i) => ({ id: String(i), ...item })),
      }),
    });
    expect(response.status).toBe(200);
    return (await response.json()).items.map((i: any) => i.result);
  }

  const locationCreate = {
    permission: {
      type: 'basic',
      name: 'catalog.location.create',
      attributes: { action: 'create' },
    },
  };

  it('allows a platform-team member and a nested sre-oncall member to register, and denies bob', async () => {
    expect(await authorize('user:default/alice', [locationCreate])).toEqual([
      'ALLOW',
    ]);
    expect(await authorize('user:default/lnowak', [locationCreate])).toEqual([
      'ALLOW',
    ]);
    expect(await authorize('user:default/bob', [locationCreate])).toEqual([
      'DENY',
    ]);
  });

  it('enforces the registration through the catalog API itself', async () => {
    const register = (user: string) =>
      fetch(`${base}/catalog/locations`, {
        method: 'POST',
        headers: as(user),
        body: JSON.stringify({
          type: 'url',
          target: `https://example.com/${user.split('/')[1]}.yaml`,
        }),
      });
    expect((await register('user:default/bob')).status).toBe(403);
    expect((await register('user:default/alice')).status).toBe(201);
  });

  it('filters catalog queries by transitive ownership when the winning rule is conditional', async () => {
    const componentsOf = async (user: string) => {
      const response = await fetch(
        `${base}/catalog/entities/by-query?filter=kind=component`,
        { headers: as(user) },
      );
      const body = await response.json();
      return body.items.map((e: Entity) => e.metadata.name).sort();
    };
    // lnowak's exact-name conditional read (via sre-oncall) outranks developer's read-everything:
    // he sees what platform-team owns, through sre-oncall → sre → platform-team.
    expect(await componentsOf('user:default/lnowak')).toEqual([
      'portal-backend',
    ]);
    expect(await componentsOf('user:default/alice')).toEqual([
      'portal-backend',
      'web-shop',
    ]);
  });

  it('checks an owner condition on one entity through apply-conditions', async () => {
    const refresh = (user: string) =>
      fetch(`${base}/catalog/refresh`, {
        method: 'POST',
        headers: as(user),
        body: JSON.stringify({ entityRef: 'component:default/web-shop' }),
      });
    // bob owns web-shop through web; alice (platform-team) does not.
    expect((await refresh('user:default/bob')).status).toBe(200);
    expect((await refresh('user:default/alice')).status).toBe(403);
  });

  it('explains a decision with the role, the rule and the group path', async () => {
    const response = await fetch(`${base}/permission/group-policy/explain`, {
      method: 'POST',
      headers: as('user:default/lnowak'),
      body: JSON.stringify({ permission: 'catalog.location.create' }),
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      result: 'ALLOW',
      user: 'user:default/lnowak',
      winner: {
        role: 'registrar',
        via: {
          kind: 'binding',
          member: 'group:default/platform-team',
          path: [
            'user:default/lnowak',
            'group:default/sre-oncall',
            'group:default/sre',
            'group:default/platform-team',
          ],
        },
      },
    });
    expect(body.semantics).toMatch(/most specific wins/);
  });

  it('lets everyone ask about themselves and only inspectors about others', async () => {
    const me = await fetch(`${base}/permission/group-policy/me`, {
      headers: as('user:default/bob'),
    });
    expect(await me.json()).toMatchObject({
      user: 'user:default/bob',
      groups: [
        { ref: 'group:default/web', direct: true },
        { ref: 'group:default/product-team', direct: false },
        { ref: 'group:default/engineering', direct: false },
      ],
      roles: [{ name: 'developer' }],
      graph: { users: 5, groups: 7, stale: false },
    });
    const nosy = await fetch(
      `${base}/permission/group-policy/me?user=user:default/alice`,
      {
        headers: as('user:default/bob'),
      },
    );
    expect(nosy.status).toBe(403);
    const admin = await fetch(
      `${base}/permission/group-policy/who-can?permission=catalog.location.create`,
      {
        headers: as('user:default/root'),
      },
    );
    expect(
      (await admin.json()).principals.map((p: any) => p.ref).sort(),
    ).toEqual([
      'user:default/alice',
      'user:default/lnowak',
      'user:default/root',
    ]);
  });

  it('applies a valid reload and keeps the last good policy when a reload is invalid', async () => {
    rootConfig.update({
      data: config({
        ...testPolicy,
        bindings: [
          ...testPolicy.bindings,
          { role: 'registrar', members: ['user:default/bob'] },
        ],
      }),
    });
    expect(await authorize('user:default/bob', [locationCreate])).toEqual([
      'ALLOW',
    ]);
    rootConfig.update({
      data: config({
        ...testPolicy,
        bindings: [{ role: 'no-such-role', members: ['user:default/bob'] }],
      }),
    });
    expect(await authorize('user:default/bob', [locationCreate])).toEqual([
      'ALLOW',
    ]);
    rootConfig.update({ data: config(testPolicy) });
    expect(await authorize('user:default/bob', [locationCreate])).toEqual([
      'DENY',
    ]);
  });
});
