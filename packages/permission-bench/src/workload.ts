import { SyntheticOrg } from './org';
import {
  BenchPermission,
  CONDITIONAL_PERMISSIONS,
  PERMISSIONS,
} from './permissions';
import type { Prng } from '@internal/demo-org';

/** One item of a `POST /api/permission/authorize` body. */
export interface AuthorizeItem {
  id: string;
  permission: BenchPermission;
  resourceRef?: string;
}

/** One request of the HTTP load: whose token it carries and what it asks. */
export interface PlannedRequest {
  user: string;
  items: AuthorizeItem[];
}

/** A (user, permission) question for the in-process policy. */
export interface DecisionPair {
  user: string;
  permission: BenchPermission;
}

/**
 * The permissions of the HTTP batches: all but those of the conditional
 * owner rules, so every decision is ALLOW or DENY and the permission backend
 * makes no apply-conditions call to the catalog (see the README).
 */
export const HTTP_PERMISSIONS: readonly BenchPermission[] = PERMISSIONS.filter(
  p => !CONDITIONAL_PERMISSIONS.has(p.name),
);

/** `count` distinct users of the org, in random order. */
export function pickUsers(org: SyntheticOrg, prng: Prng, count: number) {
  const picked = new Set<string>();
  const wanted = Math.min(count, org.userRefs.length);
  while (picked.size < wanted) {
    picked.add(prng.pick(org.userRefs));
  }
  return [...picked];
}

export function planPairs(
  users: readonly string[],
  prng: Prng,
  count: number,
): DecisionPair[] {
  return Array.from({ length: count }, () => ({
    user: prng.pick(users),
    permission: prng.pick(PERMISSIONS),
  }));
}

function resourceRefFor(
  permission: BenchPermission,
  org: SyntheticOrg,
  prng: Prng,
): string | undefined {
  if (permission.type !== 'resource') {
    return undefined;
  }
  if (permission.resourceType === 'catalog-entity') {
    return prng.next() < 0.5
      ? prng.pick(org.userRefs)
      : prng.pick(org.groupsByDepth[prng.int(org.groupsByDepth.length)]);
  }
  return `${permission.resourceType}:bench-${prng.int(1000)}`;
}

/**
 * `count` requests of `batchSize` items each, every one for a user of
 * `users`, permissions drawn from HTTP_PERMISSIONS; resource permissions
 * carry a resourceRef, as the permission backend requires of user requests.
 */
export function planRequests(
  org: SyntheticOrg,
  users: readonly string[],
  prng: Prng,
  batchSize: number,
  count: number,
): PlannedRequest[] {
  return Array.from({ length: count }, () => ({
    user: prng.pick(users),
    items: Array.from({ length: batchSize }, (_, index) => {
      const permission = prng.pick(HTTP_PERMISSIONS);
      const resourceRef = resourceRefFor(permission, org, prng);
      return {
        id: String(index),
        permission,
        ...(resourceRef !== undefined && { resourceRef }),
      };
    }),
  }));
}
