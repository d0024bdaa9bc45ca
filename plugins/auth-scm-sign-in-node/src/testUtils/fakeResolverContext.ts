import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type {
  AuthResolverContext,
  TokenParams,
} from '@backstage/plugin-auth-node';

/**
 * A resolver context over a list of entities: records the claims of every
 * issued token; ownership is the user plus its `spec.memberOf`.
 */
export function fakeResolverContext(entities: Entity[] = []) {
  const issued: TokenParams['claims'][] = [];
  const ctx: AuthResolverContext = {
    async issueToken(params) {
      issued.push(params.claims);
      return { token: `backstage-token-for-${params.claims.sub}` };
    },
    async findCatalogUser() {
      throw new NotFoundError('User not found');
    },
    async signInWithCatalogUser(query) {
      const entity =
        'entityRef' in query
          ? entities.find(e => stringifyEntityRef(e) === query.entityRef)
          : undefined;
      if (!entity) throw new NotFoundError('User not found');
      return ctx
        .resolveOwnershipEntityRefs(entity)
        .then(({ ownershipEntityRefs }) =>
          ctx.issueToken({
            claims: {
              sub: stringifyEntityRef(entity),
              ent: ownershipEntityRefs,
            },
          }),
        );
    },
    async resolveOwnershipEntityRefs(entity) {
      const groups = ((entity.spec?.memberOf as string[]) ?? []).map(
        g => `group:default/${g}`,
      );
      return { ownershipEntityRefs: [stringifyEntityRef(entity), ...groups] };
    },
  };
  return { ctx, issued };
}
