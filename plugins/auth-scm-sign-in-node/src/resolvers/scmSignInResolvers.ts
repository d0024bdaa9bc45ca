import {
  commonSignInResolvers,
  OAuthAuthenticatorResult,
  PassportProfile,
  SignInResolverFactory,
} from '@backstage/plugin-auth-node';
import type { ScmProviderInfo } from '../provider/ScmProviderInfo';
import type { CatalogUserDeps } from '../signIn/catalogUsers';
import { createUserIdAnnotationResolverFactory } from './userIdAnnotationResolver';
import { createVerifiedEmailResolverFactory } from './verifiedEmailResolver';

/** The resolver factories of a provider, by their name in `signIn.resolvers`. */
export type ScmSignInResolverFactories<TProfile extends PassportProfile> =
  Record<
    string,
    SignInResolverFactory<OAuthAuthenticatorResult<TProfile>, any>
  >;

/**
 * Every sign-in resolver an SCM provider offers in `signIn.resolvers`, by
 * name: the common ones, upstream's provider ones, and ours, which replace
 * upstream's `userIdMatchingUserEntityAnnotation` (same name, plus the lookup
 * trace) and add `verifiedEmailMatchingUserEntityProfileEmail`.
 */
export function createScmSignInResolverFactories<
  TProfile extends PassportProfile,
>(options: {
  deps: CatalogUserDeps;
  provider: ScmProviderInfo<TProfile>;
  /** The annotation holding the stable id, e.g. `github.com/user-id`. */
  userIdAnnotation: string;
  /** Upstream's resolvers of this provider (`githubSignInResolvers`, ...). */
  upstreamResolvers: ScmSignInResolverFactories<TProfile>;
  /** How the provider lists the account's verified emails. */
  verifiedEmails: (
    result: OAuthAuthenticatorResult<TProfile>,
  ) => Promise<string[]> | string[];
}): ScmSignInResolverFactories<TProfile> {
  const { deps, provider, userIdAnnotation, verifiedEmails } = options;
  return {
    ...commonSignInResolvers,
    ...options.upstreamResolvers,
    userIdMatchingUserEntityAnnotation: createUserIdAnnotationResolverFactory({
      deps,
      provider,
      annotation: userIdAnnotation,
    }),
    verifiedEmailMatchingUserEntityProfileEmail:
      createVerifiedEmailResolverFactory({ deps, verifiedEmails }),
  };
}
