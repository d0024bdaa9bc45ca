import type { Entity } from '@backstage/catalog-model';

/** A catalog user as the org sync writes it, with its `memberOf` relations. */
export function catalogUser(
  name: string,
  options: {
    email?: string;
    annotations?: Record<string, string>;
    memberOf?: string[];
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name,
      namespace: 'default',
      annotations: options.annotations ?? {},
    },
    spec: {
      profile: options.email ? { email: options.email } : {},
      memberOf: options.memberOf ?? [],
    },
    relations: (options.memberOf ?? []).map(group => ({
      type: 'memberOf',
      targetRef: `group:default/${group}`,
    })),
  };
}
