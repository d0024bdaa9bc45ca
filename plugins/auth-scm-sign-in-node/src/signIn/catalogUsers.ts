import type { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type {
  AuthResolverContext,
  BackstageSignInResult,
} from '@backstage/plugin-auth-node';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/** A catalog filter as `getEntities` takes it. */
export type UserFilter = NonNullable<
  NonNullable<Parameters<CatalogService['getEntities']>[0]>['filter']
>;

/** The catalog access of the resolvers, with the auth plugin's own credentials. */
export interface CatalogUserDeps {
  catalog: CatalogService;
  auth: AuthService;
}

/** User entities matching a catalog filter (case-insensitive, as the catalog compares). */
export async function findUsers(
  deps: CatalogUserDeps,
  filter: UserFilter,
): Promise<Entity[]> {
  const { items } = await deps.catalog.getEntities(
    { filter },
    { credentials: await deps.auth.getOwnServiceCredentials() },
  );
  return items;
}

/** Issues the token for a catalog user found by a resolver. */
export async function signInAs(
  entity: Entity,
  ctx: AuthResolverContext,
): Promise<BackstageSignInResult> {
  const { ownershipEntityRefs } = await ctx.resolveOwnershipEntityRefs(entity);
  return ctx.issueToken({
    claims: { sub: stringifyEntityRef(entity), ent: ownershipEntityRefs },
  });
}

/** Issues a token for a user that is not in the catalog (`dangerouslyAllowSignInWithoutUserInCatalog`). */
export async function signInWithoutCatalogUser(
  name: string,
  ctx: AuthResolverContext,
): Promise<BackstageSignInResult> {
  const ref = stringifyEntityRef({
    kind: 'User',
    namespace: 'default',
    name,
  });
  return ctx.issueToken({ claims: { sub: ref, ent: [ref] } });
}
