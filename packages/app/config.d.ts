export interface Config {
  app?: {
    signIn?: {
      /**
       * The sign-in options the portal's sign-in page offers, side by side, in this order on screen:
       * `ldap` (username/password form), `github` and `gitlab` (a button opening the provider's
       * sign-in popup) and `guest`. Each needs its backend provider under `auth.providers`.
       * Default: `[ldap]`.
       * @visibility frontend
       */
      providers?: Array<'ldap' | 'github' | 'gitlab' | 'guest'>;
    };
  };
}
