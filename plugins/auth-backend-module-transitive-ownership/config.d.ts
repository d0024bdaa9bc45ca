import type { HumanDuration } from '@backstage/types';

export interface Config {
  auth?: {
    /** How the auth backend computes a user's ownership references (`ent`). */
    ownership?: {
      /**
       * Transitive group ownership
       * (`@identity-portal/plugin-auth-backend-module-transitive-ownership`):
       * the user plus every group reached through `memberOf` and then
       * `spec.parent` (the `childOf` relation), for every sign-in provider.
       */
      transitive?: {
        /**
         * How many parent hops are followed above a group the user is a
         * direct member of: 1 adds the parents, 2 the grandparents, and so
         * on. Deeper ancestors are left out and a warning is logged.
         * Integer from 1 to 100. Default 20.
         */
        maxDepth?: number;
        /**
         * How long the computed references of one user are reused before the
         * catalog is asked again. `0` (or `{ seconds: 0 }`) turns the cache
         * off. A change of the user's own `memberOf` takes effect at once (it
         * is part of the cache key); a changed parent of a group after at most
         * this long. Default 1 minute.
         */
        cacheTtl?: HumanDuration | string;
      };
    };
  };
}
