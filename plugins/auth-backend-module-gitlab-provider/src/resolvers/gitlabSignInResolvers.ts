import type { OAuthAuthenticatorResult } from '@backstage/plugin-auth-node';
import {
  GitlabProfile,
  gitlabSignInResolvers as upstreamResolvers,
} from '@backstage/plugin-auth-backend-module-gitlab-provider';
import {
  CatalogUserDeps,
  createScmSignInResolverFactories,
  ScmProviderInfo,
  ScmSignInResolverFactories,
} from '@identity-portal/plugin-auth-scm-sign-in-node';

/** The sign-in result of the GitLab authenticator. */
export type GitlabSignInResult = OAuthAuthenticatorResult<GitlabProfile>;

/** What the GitLab resolvers need besides the resolver context. */
export interface GitlabResolverDeps extends CatalogUserDeps {
  /** `<hostname of audience>/user-id`, e.g. `gitlab.com/user-id`. */
  userIdAnnotation: string;
}

/** `GET /api/v4/user` as passport-gitlab2 keeps it in `_json`. */
interface GitlabUserJson {
  email?: string | null;
  confirmed_at?: string | null;
}

/**
 * The account's confirmed primary email: `email` of `/api/v4/user`, counted
 * only when `confirmed_at` is set (GitLab's primary email must be a confirmed
 * one; an unconfirmed account has none).
 */
export function confirmedEmails(profile: GitlabProfile): string[] {
  const json = (profile as { _json?: GitlabUserJson })._json;
  return json?.email && json.confirmed_at ? [json.email] : [];
}

/** GitLab accounts in messages: the username, and the numeric id as stable id. */
export const gitlabProviderInfo: ScmProviderInfo<GitlabProfile> = {
  title: 'GitLab',
  usernameLabel: 'username',
  stableIdLabel: 'id',
  stableId: profile => profile.id,
};

/**
 * Every sign-in resolver the GitLab provider offers in `signIn.resolvers`,
 * by name: the common ones, upstream's GitLab ones, and ours, which replace
 * upstream's `userIdMatchingUserEntityAnnotation` (same name; the annotation
 * host comes from `audience` instead of the profile URL, plus the lookup
 * trace) and add `verifiedEmailMatchingUserEntityProfileEmail` over the
 * confirmed primary email.
 *
 * @public
 */
export function createGitlabSignInResolverFactories(
  deps: GitlabResolverDeps,
): ScmSignInResolverFactories<GitlabProfile> {
  return createScmSignInResolverFactories({
    deps,
    provider: gitlabProviderInfo,
    userIdAnnotation: deps.userIdAnnotation,
    upstreamResolvers,
    verifiedEmails: result => confirmedEmails(result.fullProfile),
  });
}
