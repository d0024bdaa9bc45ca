import {
  createSignInResolverFactory,
  OAuthAuthenticatorResult,
  PassportProfile,
} from '@backstage/plugin-auth-node';
import { z } from 'zod/v3';
import type { CatalogUserDeps } from '../signIn/catalogUsers';
import { signInByVerifiedEmails } from '../signIn/verifiedEmailSignIn';

/**
 * `verifiedEmailMatchingUserEntityProfileEmail`: a verified email of the
 * account equal to `spec.profile.email`, see `signInByVerifiedEmails`.
 * `verifiedEmails` is how the provider lists them (an API call with the
 * user's token, or a field of the profile); when it throws, the sign-in fails
 * as a technical error.
 */
export function createVerifiedEmailResolverFactory<
  TProfile extends PassportProfile,
>(options: {
  deps: CatalogUserDeps;
  verifiedEmails: (
    result: OAuthAuthenticatorResult<TProfile>,
  ) => Promise<string[]> | string[];
}) {
  const { deps, verifiedEmails } = options;
  return createSignInResolverFactory({
    optionsSchema: z
      .object({
        allowedDomains: z.array(z.string().min(1)).min(1).optional(),
      })
      .strict()
      .optional(),
    create(settings) {
      return async (
        info: { result: OAuthAuthenticatorResult<TProfile> },
        ctx,
      ) =>
        signInByVerifiedEmails({
          emails: await verifiedEmails(info.result),
          allowedDomains: settings?.allowedDomains,
          deps,
          ctx,
        });
    },
  });
}
