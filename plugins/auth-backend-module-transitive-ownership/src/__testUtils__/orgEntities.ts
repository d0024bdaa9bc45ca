import type { Entity } from '@backstage/catalog-model';

/** A Group entity with its `childOf` relation, as the catalog stores it. */
export function group(name: string, parent?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [], ...(parent ? { parent } : {}) },
    relations: parent
      ? [{ type: 'childOf', targetRef: `group:default/${parent}` }]
      : [],
  };
}

/** A User entity with its `memberOf` relations, as the catalog stores it. */
export function user(name: string, groups: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: { memberOf: groups },
    relations: groups.map(g => ({
      type: 'memberOf',
      targetRef: `group:default/${g}`,
    })),
  };
}

/** engineering > platform-team > sre > sre-oncall; support stands alone. */
export const demoGroups = [
  group('engineering'),
  group('platform-team', 'engineering'),
  group('sre', 'platform-team'),
  group('sre-oncall', 'sre'),
  group('support'),
];
