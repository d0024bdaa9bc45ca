import type { HumanDuration } from '@backstage/types';

export interface Config {
  auth?: {
    providers?: {
      /**
       * GitLab sign-in (gitlab.com or self-managed GitLab), one block per auth
       * environment (`auth.environment`, sent by the frontend as `?env=`).
       * Provided by `@identity-portal/plugin-auth-backend-module-gitlab-provider`.
       */
      gitlab?: {
        [env: string]: {
          /** Application ID of the GitLab OAuth application. */
          clientId: string;
          /**
           * Secret of the GitLab OAuth application.
           * @visibility secret
           */
          clientSecret: string;
          /**
           * The URL GitLab redirects back to; must be one of the
           * application's "Redirect URI"s. Default
           * `<backend.baseUrl>/api/auth/gitlab/handler/frame`.
           */
          callbackUrl?: string;
          /**
           * Base URL of the GitLab instance, e.g. `https://gitlab.example.com`:
           * OAuth at `/oauth/...`, the profile at `/api/v4/user`. Its hostname
           * (without port) names the user-id annotation,
           * `<hostname>/user-id`. Default `https://gitlab.com`.
           */
          audience?: string;
          /**
           * Scopes asked for besides `read_user` (always asked), as a list or
           * one space/comma-separated string.
           */
          additionalScopes?: string | string[];
          /**
           * Lifetime of the sign-in session cookie (the refresh cookie).
           * Default: 1000 days, as upstream.
           */
          sessionDuration?: HumanDuration | string;
          /**
           * How a GitLab account becomes a portal user. Without this block:
           * `userIdMatchingUserEntityAnnotation`, then
           * `verifiedEmailMatchingUserEntityProfileEmail` (no domain limit).
           */
          signIn?: {
            /**
             * Tried in order; only "not found" goes on to the next one.
             */
            resolvers: Array<
              | {
                  /**
                   * `<hostname of audience>/user-id` annotation equal to the
                   * account's numeric id.
                   */
                  resolver: 'userIdMatchingUserEntityAnnotation';
                  /**
                   * Sign in as `user:default/<username>` when no user matches.
                   * Dangerous: anyone with an account on the instance gets in.
                   */
                  dangerouslyAllowSignInWithoutUserInCatalog?: boolean;
                }
              | {
                  /**
                   * The account's confirmed primary email (`email` of
                   * `/api/v4/user`, with `confirmed_at` set) equal to
                   * `spec.profile.email`, case-insensitively, with exactly one
                   * matching user.
                   */
                  resolver: 'verifiedEmailMatchingUserEntityProfileEmail';
                  /**
                   * Only verified emails in these domains (exact,
                   * case-insensitive) are looked up; the others count as not
                   * found. Default: every domain.
                   */
                  allowedDomains?: string[];
                }
              | {
                  /**
                   * Upstream: the entity named like the username (usernames
                   * can be renamed and reassigned).
                   */
                  resolver: 'usernameMatchingUserEntityName';
                  /** Sign in as `user:default/<username>` when no user matches. */
                  dangerouslyAllowSignInWithoutUserInCatalog?: boolean;
                }
              | {
                  /**
                   * Upstream common resolver: the profile's (public, not
                   * necessarily verified) email equal to `spec.profile.email`.
                   * `allowedDomains` is accepted but not enforced upstream.
                   */
                  resolver: 'emailMatchingUserEntityProfileEmail';
                  /** Accepted, not enforced by upstream. */
                  allowedDomains?: string[];
                  /** Sign in as `user:default/<email>` when no user matches. */
                  dangerouslyAllowSignInWithoutUserInCatalog?: boolean;
                }
              | {
                  /**
                   * Upstream common resolver: the entity named like the local
                   * part of the profile's email.
                   */
                  resolver: 'emailLocalPartMatchingUserEntityName';
                  /** An email outside these domains stops the chain. */
                  allowedDomains?: string[];
                  /** Sign in as `user:default/<local part>` when no user matches. */
                  dangerouslyAllowSignInWithoutUserInCatalog?: boolean;
                }
            >;
          };
        };
      };
    };
  };
}
