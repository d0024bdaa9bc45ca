import type { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  createSignInResolverFactory,
  SignInResolver,
  SignInResolverFactory,
} from '@backstage/plugin-auth-node';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { z } from 'zod/v3';
import type { LdapAuthResult } from '../ldap/types';

/** Annotation written by the LDAP org sync source: entryUUID / objectGUID. */
export const ANNOTATION_LDAP_UUID = 'backstage.io/ldap-uuid';
/** Annotation written by the LDAP org sync source: the entry's DN. */
export const ANNOTATION_LDAP_DN = 'backstage.io/ldap-dn';

const fallbackOptions = z
  .object({
    dangerouslyAllowSignInWithoutUserInCatalog: z.boolean().optional(),
  })
  .strict()
  .optional();

type FallbackOptions = z.infer<typeof fallbackOptions>;

function fallback(options: FallbackOptions, result: LdapAuthResult) {
  return options?.dangerouslyAllowSignInWithoutUserInCatalog
    ? { entityRef: { name: result.username.toLowerCase() } }
    : undefined;
}

/** What the DN resolver needs besides the resolver context. */
export interface LdapResolverDeps {
  catalog: CatalogService;
  auth: AuthService;
}

/**
 * The sign-in resolvers of the LDAP provider, by name as used in
 * `signIn.resolvers`. Only `NotFoundError` lets the chain go on;
 * `dangerouslyAllowSignInWithoutUserInCatalog` ends it (put such a resolver last).
 *
 * @public
 */
export function createLdapSignInResolvers(
  deps: LdapResolverDeps,
): Record<string, SignInResolverFactory<LdapAuthResult, any>> {
  return {
    /** `backstage.io/ldap-uuid` = the entry's key (the default). */
    ldapUuidMatchingUserEntityAnnotation: createSignInResolverFactory({
      optionsSchema: fallbackOptions,
      create(options): SignInResolver<LdapAuthResult> {
        return async (info, ctx) =>
          ctx.signInWithCatalogUser(
            { annotations: { [ANNOTATION_LDAP_UUID]: info.result.uuid } },
            { dangerousEntityRefFallback: fallback(options, info.result) },
          );
      },
    }),
    /**
     * `backstage.io/ldap-dn` = the entry's DN. Through
     * `catalog.queryEntities({ query })`: a DN in a `filter` would be split at
     * its commas by the catalog.
     */
    ldapDnMatchingUserEntityAnnotation: createSignInResolverFactory({
      optionsSchema: fallbackOptions,
      create(options): SignInResolver<LdapAuthResult> {
        return async (info, ctx) => {
          const { items } = await deps.catalog.queryEntities(
            {
              query: {
                kind: 'User',
                [`metadata.annotations.${ANNOTATION_LDAP_DN}`]: info.result.dn,
              },
              limit: 2,
            },
            { credentials: await deps.auth.getOwnServiceCredentials() },
          );
          if (items.length > 1) {
            throw new ConflictError('User lookup resulted in multiple matches');
          }
          if (items.length === 1) {
            return ctx.signInWithCatalogUser({
              entityRef: stringifyEntityRef(items[0]),
            });
          }
          if (options?.dangerouslyAllowSignInWithoutUserInCatalog) {
            const ref = stringifyEntityRef({
              kind: 'User',
              namespace: 'default',
              name: info.result.username.toLowerCase(),
            });
            return ctx.issueToken({ claims: { sub: ref, ent: [ref] } });
          }
          throw new NotFoundError('User not found');
        };
      },
    }),
    /** The User entity named like the username (case-insensitive). */
    userNameMatchingUserEntityName: createSignInResolverFactory({
      optionsSchema: fallbackOptions,
      create(options): SignInResolver<LdapAuthResult> {
        return async (info, ctx) =>
          ctx.signInWithCatalogUser(
            { entityRef: { name: info.result.username.toLowerCase() } },
            { dangerousEntityRefFallback: fallback(options, info.result) },
          );
      },
    }),
  };
}
