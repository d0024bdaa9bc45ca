import type { OAuthAuthenticatorResult } from '@backstage/plugin-auth-node';
import {
  GithubProfile,
  githubSignInResolvers as upstreamResolvers,
} from '@backstage/plugin-auth-backend-module-github-provider';
import {
  CatalogUserDeps,
  createScmSignInResolverFactories,
  ScmProviderInfo,
  ScmSignInResolverFactories,
} from '@identity-portal/plugin-auth-scm-sign-in-node';
import { fetchVerifiedEmails } from './fetchVerifiedEmails';

/** Written by the GitHub org source: the account's GraphQL node id. */
export const GITHUB_USER_ID_ANNOTATION = 'github.com/user-id';

/** The sign-in result of the GitHub authenticator. */
export type GithubSignInResult = OAuthAuthenticatorResult<GithubProfile>;

/** What the GitHub resolvers need besides the resolver context. */
export interface GithubResolverDeps extends CatalogUserDeps {
  /** `https://api.github.com` or `<enterpriseInstanceUrl>/api/v3`. */
  apiBaseUrl: string;
}

/** GitHub accounts in messages: the login, and the node id as stable id. */
export const githubProviderInfo: ScmProviderInfo<GithubProfile> = {
  title: 'GitHub',
  usernameLabel: 'login',
  stableIdLabel: 'node id',
  stableId: profile => profile.nodeId,
};

/**
 * Every sign-in resolver the GitHub provider offers in `signIn.resolvers`,
 * by name: the common ones, upstream's GitHub ones, and ours, which replace
 * upstream's `userIdMatchingUserEntityAnnotation` (same name and key,
 * `github.com/user-id` = the node id compared exactly, plus the lookup trace)
 * and add `verifiedEmailMatchingUserEntityProfileEmail` over the verified
 * emails of `GET /user/emails`.
 *
 * @public
 */
export function createGithubSignInResolverFactories(
  deps: GithubResolverDeps,
): ScmSignInResolverFactories<GithubProfile> {
  return createScmSignInResolverFactories({
    deps,
    provider: githubProviderInfo,
    userIdAnnotation: GITHUB_USER_ID_ANNOTATION,
    upstreamResolvers,
    verifiedEmails: result =>
      fetchVerifiedEmails(deps.apiBaseUrl, result.session.accessToken),
  });
}
