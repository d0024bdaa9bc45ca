import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  createSignInResolverFactory,
  OAuthAuthenticatorResult,
  PassportProfile,
} from '@backstage/plugin-auth-node';
import { z } from 'zod/v3';
import type { ScmProviderInfo } from '../provider/ScmProviderInfo';
import {
  CatalogUserDeps,
  findUsers,
  signInAs,
  signInWithoutCatalogUser,
} from '../signIn/catalogUsers';
import { traceOf } from '../signIn/SignInTrace';

/**
 * `userIdMatchingUserEntityAnnotation`: the user whose `annotation` equals the
 * account's stable id, compared exactly (case-sensitive); the catalog filter
 * is case-insensitive, so candidates differing only by case are ignored (not
 * found) and named in the trace. More than one exact match is a conflict.
 * `dangerouslyAllowSignInWithoutUserInCatalog` signs in as
 * `user:default/<username, lower case>`.
 */
export function createUserIdAnnotationResolverFactory<
  TProfile extends PassportProfile,
>(options: {
  deps: CatalogUserDeps;
  provider: ScmProviderInfo<TProfile>;
  /** E.g. `github.com/user-id`. */
  annotation: string;
}) {
  const { deps, provider, annotation } = options;
  return createSignInResolverFactory({
    optionsSchema: z
      .object({
        dangerouslyAllowSignInWithoutUserInCatalog: z.boolean().optional(),
      })
      .strict()
      .optional(),
    create(settings) {
      return async (
        info: { result: OAuthAuthenticatorResult<TProfile> },
        ctx,
      ) => {
        const profile = info.result.fullProfile;
        const id = provider.stableId(profile);
        if (!id) {
          traceOf(ctx)?.note(`the profile has no ${provider.stableIdLabel}`);
          throw new NotFoundError(
            `${provider.title} profile has no ${provider.stableIdLabel}`,
          );
        }
        const candidates = await findUsers(deps, {
          kind: 'user',
          [`metadata.annotations.${annotation}`]: id,
        });
        const exact = candidates.filter(
          e => e.metadata.annotations?.[annotation] === id,
        );
        traceOf(ctx)?.note(
          `catalog annotation ${annotation}=${id}: ${exact.length} user(s)${
            candidates.length > exact.length
              ? `, ${
                  candidates.length - exact.length
                } differing only by letter case ignored`
              : ''
          }`,
        );
        if (exact.length > 1) {
          throw new ConflictError(
            `${exact.length} users have ${annotation}=${id}`,
          );
        }
        if (exact.length === 1) {
          return signInAs(exact[0], ctx);
        }
        if (
          settings?.dangerouslyAllowSignInWithoutUserInCatalog &&
          profile.username
        ) {
          return signInWithoutCatalogUser(profile.username.toLowerCase(), ctx);
        }
        throw new NotFoundError('User not found');
      };
    },
  });
}
