import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { createPermission } from '@backstage/plugin-permission-common';
import {
  catalogEntityCreatePermission,
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
  catalogLocationCreatePermission,
  catalogLocationReadPermission,
} from '@backstage/plugin-catalog-common/alpha';
import { readGroupPolicyConfig } from '../config/readGroupPolicyConfig';

export const permissions = {
  entityRead: catalogEntityReadPermission,
  entityRefresh: catalogEntityRefreshPermission,
  entityDelete: catalogEntityDeletePermission,
  entityCreate: catalogEntityCreatePermission,
  locationCreate: catalogLocationCreatePermission,
  locationRead: catalogLocationReadPermission,
  scaffolderTaskCreate: createPermission({
    name: 'scaffolder.task.create',
    attributes: { action: 'create' },
  }),
};

export function user(
  name: string,
  memberOf: string[],
  extra: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default', ...extra },
    spec: { memberOf, profile: { displayName: name.toUpperCase() } },
  };
}

export function group(
  name: string,
  parent?: string,
  extra: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default', ...extra },
    spec: { type: 'team', children: [], ...(parent ? { parent } : {}) },
  };
}

/**
 * A small org: engineering > platform-team > sre > sre-oncall, and
 * engineering > product-team > web. alice is in platform-team, lnowak in
 * sre-oncall, bob in web, sam in no team.
 */
export const orgEntities: Entity[] = [
  group('engineering'),
  group('platform-team', 'engineering'),
  group('sre', 'platform-team'),
  group('sre-oncall', 'sre'),
  group('product-team', 'engineering'),
  group('web', 'product-team'),
  group('admins'),
  user('alice', ['platform-team']),
  user('lnowak', ['sre-oncall']),
  user('bob', ['web']),
  user('sam', []),
  user('root', ['admins']),
];

/** The demo-shaped policy most tests use. */
export const demoPolicy = {
  roles: {
    admin: { superuser: true },
    developer: {
      rules: [
        { allow: { actions: ['read'] } },
        {
          allow: ['catalog.entity.refresh', 'catalog.entity.delete'],
          when: { isOwner: true },
        },
      ],
    },
    registrar: {
      rules: [{ allow: ['catalog.location.create', 'catalog.entity.create'] }],
    },
    viewer: { rules: [{ allow: { actions: ['read'] } }] },
  },
  bindings: [
    { role: 'admin', members: ['group:default/admins'] },
    { role: 'developer', members: ['group:default/engineering'] },
    { role: 'registrar', members: ['group:default/platform-team'] },
    { role: 'viewer', members: ['user:default/sam'] },
  ],
};

export function policyConfig(groupPolicy: object = demoPolicy) {
  return readGroupPolicyConfig(
    new ConfigReader({ permission: { groupPolicy } }),
  );
}
