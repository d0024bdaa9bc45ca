import type { HumanDuration } from '@backstage/types';

export interface Config {
  auth?: {
    providers?: {
      /**
       * LDAP / Active Directory sign-in, one block per auth environment
       * (`auth.environment`, sent by the frontend as `?env=`).
       */
      ldap?: {
        [env: string]: {
          /**
           * `openldap`, `activedirectory` or `auto` (read from the RootDSE on
           * first use). Decides the defaults of `users.attributes.key`
           * (`entryUUID` / `objectGUID`) and `users.disabledFilter`.
           * Default `auto`.
           */
          vendor?: 'openldap' | 'activedirectory' | 'auto';
          /** One server, `ldap://host:389` or `ldaps://host:636`. Set `url` or `urls`. */
          url?: string;
          /** Several servers (replicas), tried in order (failover). */
          urls?: string[];
          /**
           * Service account for search-then-bind and for the re-check on
           * `/refresh`. Required with `users.filter`.
           */
          bind?: {
            /** DN of the service account. */
            dn: string;
            /**
             * Password of the service account.
             * @visibility secret
             */
            password: string;
          };
          /** TLS. */
          tls?: {
            /** CA bundle: a file path or inline PEM. Default: Node's CAs. */
            ca?: string;
            /** Upgrade `ldap://` with StartTLS. Default false. */
            startTls?: boolean;
            /** Verify the server certificate. Default true; keep it on. */
            rejectUnauthorized?: boolean;
          };
          /** Timeouts in milliseconds. */
          timeouts?: {
            /** TCP/TLS connect per URL. Default 5000. */
            connect?: number;
            /** Each LDAP operation. Default 5000. */
            operation?: number;
          };
          /** Where users are and how they are found. */
          users?: {
            /** Search base (required with `filter`). */
            baseDn?: string;
            /** `sub` (default) or `one`. */
            scope?: 'one' | 'sub';
            /**
             * Search-then-bind: filter template with `{username}`, which is
             * replaced by the RFC 4515-escaped username, e.g.
             * `(&(objectClass=inetOrgPerson)(uid={username}))`. Exactly one
             * entry must match.
             */
            filter?: string;
            /**
             * Entries matching this filter may not sign in. Default: none on
             * OpenLDAP; `(userAccountControl:1.2.840.113556.1.4.803:=2)` on
             * Active Directory.
             */
            disabledFilter?: string;
            /** Attributes read from the user's entry. */
            attributes?: {
              /**
               * Stable id matched against the `backstage.io/ldap-uuid`
               * annotation. Default `entryUUID` (OpenLDAP) / `objectGUID` (AD).
               */
              key?: string;
              /**
               * The account name as stored (name resolver, fallback entity
               * name). Default `uid` (OpenLDAP) / `sAMAccountName` (AD).
               */
              username?: string;
              /** Email (profile, email resolver). Default `mail`. */
              email?: string;
              /** Display name. Default `displayName`. */
              displayName?: string;
            };
          };
          /**
           * Direct bind instead of search-then-bind: bind DN template with
           * `{username}`, replaced by the RFC 4514-escaped username, e.g.
           * `uid={username},ou=people,dc=example,dc=com` (or a UPN
           * `{username}@corp.example.com` on AD together with `users.filter`).
           */
          dnTemplate?: string;
          /** The server-side session. */
          session?: {
            /** Lifetime of a session (absolute). Default 8 hours. */
            duration?: string | HumanDuration;
            /** Cookie name. Default `ldap-session`. */
            cookieName?: string;
          };
          /**
           * How long the LDAP check on `/refresh` (user still exists, not
           * disabled) is cached. Default 5 minutes.
           */
          recheckInterval?: string | HumanDuration;
          /** Throttling of failed sign-ins (stored in the cache service). */
          throttle?: {
            /** Failures per username within `window` before a lock. Default 5. */
            perUsername?: number;
            /** Failures per client address within `window` before a lock. Default 20. */
            perAddress?: number;
            /** Counting window and first lock. Default 15 minutes. */
            window?: string | HumanDuration;
            /** Longest lock (locks double). Default 4 × `window`. */
            maxLock?: string | HumanDuration;
          };
          /** Longest accepted username in characters. Default 256. */
          maxUsernameLength?: number;
          /** Sign-in resolvers, tried in order. */
          signIn?: {
            resolvers: Array<
              | {
                  resolver: 'ldapUuidMatchingUserEntityAnnotation';
                  dangerouslyAllowSignInWithoutUserInCatalog?: boolean;
                }
              | {
                  resolver: 'ldapDnMatchingUserEntityAnnotation';
                  dangerouslyAllowSignInWithoutUserInCatalog?: boolean;
                }
              | {
                  resolver: 'userNameMatchingUserEntityName';
                  dangerouslyAllowSignInWithoutUserInCatalog?: boolean;
                }
              | {
                  resolver: 'emailMatchingUserEntityProfileEmail';
                  allowedDomains?: string[];
                  dangerouslyAllowSignInWithoutUserInCatalog?: boolean;
                }
              | {
                  resolver: 'emailLocalPartMatchingUserEntityName';
                  allowedDomains?: string[];
                  dangerouslyAllowSignInWithoutUserInCatalog?: boolean;
                }
            >;
          };
        };
      };
    };
  };
}
