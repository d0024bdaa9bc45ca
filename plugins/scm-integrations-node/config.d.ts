export interface Config {
  /** Settings of the SCM integrations broker and health view (ours, beside `integrations:`). */
  scmIntegrations?: {
    /**
     * Acting for the signed-in user: when a caller passes the user's own SCM
     * token (`onBehalfOf`), the credentials broker uses it instead of the
     * portal's service identity, unless the host says `never`.
     */
    actForUser?: {
      /**
       * `allow` (default): use the user's token whenever the caller passes
       * one; `never`: always use the service identity.
       */
      default?: 'allow' | 'never';
      /**
       * Per-host exceptions, by integration host (as in
       * `integrations.<type>[].host`), e.g. `{ ghe.example.com: never }`.
       */
      hosts?: { [host: string]: 'allow' | 'never' };
    };
  };
}
