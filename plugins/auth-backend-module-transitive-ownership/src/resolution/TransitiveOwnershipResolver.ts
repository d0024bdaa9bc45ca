import type {
  AuthService,
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_CHILD_OF,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { AuthOwnershipResolver } from '@backstage/plugin-auth-node';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createHash } from 'node:crypto';
import {
  CONFIG_KEY,
  TransitiveOwnershipConfig,
} from '../config/readTransitiveOwnershipConfig';

/** How long a sign-in waits for the cache before asking the catalog. */
export const CACHE_TIMEOUT_MS = 1000;

/** What the resolver needs, from the module's `init`. */
export interface TransitiveOwnershipDeps {
  catalog: CatalogService;
  auth: AuthService;
  cache: CacheService;
  logger: LoggerService;
  config: TransitiveOwnershipConfig;
}

function groupTargets(entity: Entity, relationType: string): string[] {
  return (entity.relations ?? [])
    .filter(r => r.type === relationType && r.targetRef.startsWith('group:'))
    .map(r => r.targetRef);
}

/**
 * Ownership references for a signed-in user: the user, the groups it is a
 * direct member of (`memberOf` relations) and every ancestor of those groups
 * (`childOf` relations, written by the catalog from `spec.parent`), one
 * catalog request per level. Cycles end where a group was already seen;
 * ancestors more than `maxDepth` hops above a direct group are left out with
 * a warning.
 */
export class TransitiveOwnershipResolver implements AuthOwnershipResolver {
  constructor(private readonly deps: TransitiveOwnershipDeps) {}

  async resolveOwnershipEntityRefs(
    entity: Entity,
  ): Promise<{ ownershipEntityRefs: string[] }> {
    const userRef = stringifyEntityRef(entity);
    const direct = [...new Set(groupTargets(entity, RELATION_MEMBER_OF))];
    const { cacheTtlMs } = this.deps.config;
    const key = cacheKey(userRef, direct);
    if (cacheTtlMs > 0) {
      const cached = await this.readCache(key);
      if (cached) {
        return { ownershipEntityRefs: cached };
      }
    }
    const groups = await this.withAncestors(userRef, direct);
    const ownershipEntityRefs = [userRef, ...groups];
    if (cacheTtlMs > 0) {
      // Not awaited: a sign-in does not wait for the cache to store the answer.
      this.deps.cache
        .set(key, ownershipEntityRefs, { ttl: cacheTtlMs })
        .catch(error =>
          this.deps.logger.warn(
            `Transitive ownership: cache write failed: ${error}`,
          ),
        );
    }
    return { ownershipEntityRefs };
  }

  /**
   * The cached answer, or undefined when the cache fails or does not answer
   * within CACHE_TIMEOUT_MS (Backstage's Redis/Valkey stores queue commands
   * while the server is down): the catalog is asked instead.
   */
  private async readCache(key: string): Promise<string[] | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(`the cache did not answer within ${CACHE_TIMEOUT_MS} ms`),
          ),
        CACHE_TIMEOUT_MS,
      );
    });
    try {
      return await Promise.race([this.deps.cache.get<string[]>(key), timeout]);
    } catch (error) {
      this.deps.logger.warn(
        `Transitive ownership: cache read failed: ${error}`,
      );
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  private async withAncestors(
    userRef: string,
    direct: string[],
  ): Promise<string[]> {
    const { maxDepth } = this.deps.config;
    const seen = new Set(direct);
    let frontier = direct;
    let depth = 0;
    while (frontier.length > 0) {
      const parents = await this.parentsOf(frontier);
      const fresh = parents.filter(ref => !seen.has(ref));
      depth += 1;
      if (depth > maxDepth) {
        if (fresh.length > 0) {
          this.deps.logger.warn(
            `Ownership of ${userRef} stops at ${CONFIG_KEY}.maxDepth=${maxDepth}: ${
              new Set(fresh).size
            } group(s) further up are left out (${[...new Set(fresh)]
              .slice(0, 5)
              .join(', ')})`,
          );
        }
        break;
      }
      fresh.forEach(ref => seen.add(ref));
      frontier = [...new Set(fresh)];
    }
    return [...seen];
  }

  private async parentsOf(groupRefs: string[]): Promise<string[]> {
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      {
        entityRefs: groupRefs,
        fields: ['kind', 'metadata.namespace', 'metadata.name', 'relations'],
      },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    return items.flatMap(group =>
      group ? groupTargets(group, RELATION_CHILD_OF) : [],
    );
  }
}

function cacheKey(userRef: string, direct: string[]): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([userRef, [...direct].sort()]))
    .digest('hex');
  return `transitive-ownership:v1:${digest}`;
}
