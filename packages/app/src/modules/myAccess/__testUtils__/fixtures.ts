import type { Entity } from '@backstage/catalog-model';
import type {
  CapabilitiesResponse,
  ExplainResponse,
  MeResponse,
  WhoCanResponse,
} from '../api/types';

const graph = {
  loadedAt: '2026-11-26T22:40:00.000Z',
  ageSeconds: 125,
  stale: false,
  users: 18,
  groups: 9,
};

export const aliceAccess: MeResponse = {
  user: 'user:default/alice',
  title: 'Alice Andersson',
  known: true,
  unknownRoles: [],
  policyVersion: 'c0ffee12',
  groups: [
    {
      ref: 'group:default/engineering',
      direct: false,
      path: [
        'user:default/alice',
        'group:default/platform-team',
        'group:default/engineering',
      ],
    },
    {
      ref: 'group:default/platform-team',
      direct: true,
      path: ['user:default/alice', 'group:default/platform-team'],
    },
  ],
  roles: [
    {
      name: 'registrar',
      description: 'May register components',
      via: [
        {
          kind: 'binding',
          member: 'group:default/platform-team',
          path: ['user:default/alice', 'group:default/platform-team'],
        },
      ],
    },
    {
      name: 'developer',
      via: [
        {
          kind: 'annotation',
          member: 'group:default/engineering',
          path: [
            'user:default/alice',
            'group:default/platform-team',
            'group:default/engineering',
          ],
        },
      ],
    },
  ],
  graph,
};

export const adminAccess: MeResponse = {
  user: 'user:default/zhoffmann',
  title: 'Zoë Hoffmann',
  known: true,
  unknownRoles: [],
  policyVersion: 'c0ffee12',
  groups: [
    {
      ref: 'group:default/admins',
      direct: true,
      path: ['user:default/zhoffmann', 'group:default/admins'],
    },
  ],
  roles: [
    {
      name: 'admin',
      description: 'Portal administrators',
      superuser: true,
      via: [
        {
          kind: 'binding',
          member: 'group:default/admins',
          path: ['user:default/zhoffmann', 'group:default/admins'],
        },
      ],
    },
  ],
  graph,
};

export const bobAccess: MeResponse = {
  user: 'user:default/bob',
  title: 'Bob Brown',
  known: true,
  unknownRoles: [],
  policyVersion: 'c0ffee12',
  groups: [
    {
      ref: 'group:default/web',
      direct: true,
      path: ['user:default/bob', 'group:default/web'],
    },
  ],
  roles: [{ name: 'viewer', via: [{ kind: 'default', path: [] }] }],
  graph,
};

export const capabilities: CapabilitiesResponse = {
  user: 'user:default/alice',
  items: [
    {
      permission: 'catalog.entity.read',
      result: 'ALLOW',
      reason: 'rule 0 of role developer allows it',
    },
    {
      permission: 'catalog.location.create',
      result: 'ALLOW',
      reason: 'rule 0 of role registrar allows it',
    },
    {
      permission: 'catalog.entity.delete',
      result: 'DENY',
      reason: 'no rule of any role matches it',
    },
  ],
};

export const semantics =
  'The most specific matching rule wins; at equal specificity deny wins; nothing matched means deny.';

export const aliceMayRegister: ExplainResponse = {
  result: 'ALLOW',
  user: 'user:default/alice',
  permission: {
    name: 'catalog.location.create',
    type: 'basic',
    action: 'create',
  },
  reason:
    'Allowed: role registrar (through platform-team) allows catalog.location.create by exact name.',
  semantics,
  policyVersion: 'c0ffee12',
  winner: {
    role: 'registrar',
    ruleIndex: 0,
    effect: 'allow',
    selector: 'catalog.location.create',
    specificity: 'exact name',
    via: aliceAccess.roles[0].via[0],
  },
  matched: [],
  overridden: [
    {
      role: 'developer',
      ruleIndex: 2,
      effect: 'deny',
      selector: 'catalog.location.*',
      specificity: 'wildcard name',
      via: aliceAccess.roles[1].via[0],
    },
  ],
};

export const bobMayNotRegister: ExplainResponse = {
  result: 'DENY',
  user: 'user:default/bob',
  permission: {
    name: 'catalog.location.create',
    type: 'basic',
    action: 'create',
  },
  reason:
    'Denied: no rule of bob’s roles (viewer) matches catalog.location.create.',
  semantics,
  policyVersion: 'c0ffee12',
  matched: [],
  overridden: [],
};

export const users: Entity[] = [
  ['alice', 'Alice Andersson'],
  ['bob', 'Bob Brown'],
  ['zhoffmann', 'Zoë Hoffmann'],
].map(([name, displayName]) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { profile: { displayName }, memberOf: [] },
}));

export const whoMayRegister: WhoCanResponse = {
  permission: 'catalog.location.create',
  principals: [
    {
      ref: 'user:default/alice',
      result: 'ALLOW',
      role: 'registrar',
      via: aliceAccess.roles[0].via[0],
    },
  ],
};
