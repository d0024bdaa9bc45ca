import type { HumanDuration } from '@backstage/types';

export interface Config {
  auth?: {
    providers?: {
      /**
       * GitHub sign-in (github.com or GitHub Enterprise Server), one block per
       * auth environment (`auth.environment`, sent by the frontend as `?env=`).
       * Provided by `@identity-portal/plugin-auth-backend-module-github-provider`.
       */
      github?: {
        [env: string]: {
          /** Client ID of the GitHub OAuth App (or GitHub App). */
          clientId: string;
          /**
           * Client secret of the GitHub OAuth App (or GitHub App).
           * @visibility secret
           */
          clientSecret: string;
          /**
           * The URL GitHub redirects back to; must equal the app's
           * "Authorization callback URL". Default
           * `<backend.baseUrl>/api/auth/github/handler/frame`.
           */
          callbackUrl?: string;
          /**
           * Base URL of a GitHub Enterprise Server, e.g.
           * `https://ghe.example.com`: OAuth at `/login/oauth/...`, REST at
           * `/api/v3`. Default: github.com.
           */
          enterpriseInstanceUrl?: string;
          /**
           * Scopes asked for besides `read:user` and `user:email` (always
           * asked: the verified-email resolver reads `/user/emails`), as a
           * list or one space/comma-separated string.
           */
          additionalScopes?: string | string[];
          /**
           * Lifetime of the sign-in session cookie (the refresh cookie).
           * Default: 1000 days, as upstream.
           */
          sessionDuration?: HumanDuration | string;
          /**
           * How a GitHub account becomes a portal user. Without this block:
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
                   * `github.com/user-id` annotation equal to the account's
                   * node id (exact, case-sensitive).
                   */
                  resolver: 'userIdMatchingUserEntityAnnotation';
                  /**
                   * Sign in as `user:default/<login>` when no user matches.
                   * Dangerous: anyone with a GitHub account gets in.
                   */
                  dangerouslyAllowSignInWithoutUserInCatalog?: boolean;
                }
              | {
                  /**
                   * A verified email of the account (`GET /user/emails`)
                   * equal to `spec.profile.email`, case-insensitively, with
                   * exactly one matching user.
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
                   * Upstream: the entity named like the login. Deprecated
                   * upstream (logins can be renamed and reassigned).
                   */
                  resolver: 'usernameMatchingUserEntityName';
                  /** Sign in as `user:default/<login>` when no user matches. */
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
