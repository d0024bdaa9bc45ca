export interface Config {
  catalog?: {
    providers?: {
      orgSync?: {
        [providerId: string]: {
          sources?: {
            /**
             * LDAP and Active Directory sources of this org sync provider, by
             * source id. Each one reads people and groups from one directory.
             */
            ldap?: {
              [sourceId: string]: {
                /**
                 * Which defaults apply (attributes, filters, disabled accounts).
                 * `auto` (default) reads the RootDSE on every sync: a server
                 * publishing `forestFunctionality` is Active Directory,
                 * anything else OpenLDAP.
                 */
                vendor?: 'openldap' | 'activedirectory' | 'auto';
                /**
                 * The directory server, `ldap://host[:port]` or
                 * `ldaps://host[:port]` (TLS from the first byte). Give
                 * either `url` or `urls`.
                 */
                url?: string;
                /**
                 * Several servers of the same directory, tried in order; a
                 * server that cannot be reached or bound to is skipped and
                 * reported as a warning. A rejected password stops at once
                 * (the others would reject it too, and each try counts
                 * towards account lockout).
                 */
                urls?: string[];
                /**
                 * The account the sync binds as. Leave out to search
                 * anonymously.
                 */
                bind?: {
                  /**
                   * Bind DN (e.g. `cn=portal-reader,ou=services,dc=example,dc=com`);
                   * Active Directory also takes `user@domain` or `DOMAIN\user`.
                   */
                  dn: string;
                  /**
                   * Password of the bind DN. Must not be empty: an empty
                   * password makes an unauthenticated bind that servers accept.
                   *
                   * @visibility secret
                   */
                  password: string;
                };
                /** Transport security. */
                tls?: {
                  /**
                   * CA certificates that may sign the server certificate: a
                   * path to a PEM bundle (read at every sync, so renewals are
                   * picked up; it must be readable at start-up) or the PEM
                   * text itself. Default: Node's built-in CA list.
                   */
                  ca?: string;
                  /**
                   * Upgrade `ldap://` connections with StartTLS before binding.
                   * Default false. Not allowed with `ldaps://` URLs.
                   */
                  startTls?: boolean;
                  /**
                   * Check the server certificate chain and host name. Default
                   * true; false is for tests only (the bind password then goes
                   * to whoever answers).
                   */
                  rejectUnauthorized?: boolean;
                };
                /** Timeouts, as durations such as `{ seconds: 10 }`. */
                timeouts?: {
                  /**
                   * Time to open a connection, including the TLS handshake.
                   * Default 10 seconds.
                   */
                  connect?: {
                    milliseconds?: number;
                    seconds?: number;
                    minutes?: number;
                    hours?: number;
                  };
                  /**
                   * Time for one LDAP operation: a bind, or one page of a
                   * search. Default 60 seconds.
                   */
                  operation?: {
                    milliseconds?: number;
                    seconds?: number;
                    minutes?: number;
                    hours?: number;
                  };
                };
                /**
                 * Entries per page of the paged results control (RFC 2696).
                 * Default 1000 (Active Directory's default MaxPageSize; a
                 * larger value is capped by the server, which is harmless).
                 */
                pageSize?: number;
                /** Where and how people are read. */
                users: {
                  /** Base DN of the user search, e.g. `ou=people,dc=example,dc=com`. */
                  baseDn: string;
                  /**
                   * `sub` (default): the whole subtree; `one`: direct
                   * children of the base DN only.
                   */
                  scope?: 'one' | 'sub';
                  /**
                   * LDAP filter (RFC 4515) selecting people. Default OpenLDAP
                   * `(objectClass=inetOrgPerson)`, Active Directory
                   * `(&(objectCategory=person)(objectClass=user))`.
                   */
                  filter?: string;
                  /**
                   * Also read disabled accounts. Default false: the search
                   * becomes `(&<filter>(!<disabledFilter>))`.
                   */
                  includeDisabled?: boolean;
                  /**
                   * LDAP filter matching disabled accounts. Default on Active
                   * Directory `(userAccountControl:1.2.840.113556.1.4.803:=2)`;
                   * OpenLDAP has no standard flag, so there is no default
                   * there (e.g. `(employeeType=disabled)` or
                   * `(pwdAccountLockedTime=*)`).
                   */
                  disabledFilter?: string;
                  /**
                   * Attribute per field of the user. An empty string means
                   * "do not read".
                   */
                  attributes?: {
                    /**
                     * Stable, unique key. Default OpenLDAP `entryUUID`, AD
                     * `objectGUID` (read as binary, written as the standard
                     * GUID string).
                     */
                    key?: string;
                    /**
                     * Preferred entity name. Default OpenLDAP `uid`, AD
                     * `sAMAccountName`. Entries without it are skipped and
                     * reported.
                     */
                    name?: string;
                    /** Display name. Default OpenLDAP `cn`, AD `displayName`. */
                    displayName?: string;
                    /** E-mail address. Default `mail`. */
                    email?: string;
                    /** Picture URL. Default: none. */
                    picture?: string;
                    /** Description. Default `description`. */
                    description?: string;
                    /**
                     * Attribute with the DNs of the user's groups. Default
                     * `memberOf`.
                     */
                    memberOf?: string;
                  };
                  /**
                   * Values the identity merge matches on, identifier name to
                   * attribute, e.g. `{ email: mail, employeeId: employeeNumber }`.
                   * Default `{ email: <email attribute> }`.
                   */
                  identifiers?: { [name: string]: string };
                  /**
                   * Extra entity fields from attributes, entity path to
                   * attribute: `metadata.title`, `metadata.description`,
                   * `metadata.annotations.<key>`, `metadata.labels.<key>`,
                   * `spec.profile.displayName|email|picture`. E.g.
                   * `metadata.annotations.example.com/department: department`.
                   */
                  fields?: { [path: string]: string };
                  /**
                   * More attributes to request, for transformers only.
                   */
                  extraAttributes?: string[];
                };
                /** Where and how groups are read. Leave out to read users only. */
                groups?: {
                  /** Base DN of the group search, e.g. `ou=groups,dc=example,dc=com`. */
                  baseDn: string;
                  /** `sub` (default) or `one`. */
                  scope?: 'one' | 'sub';
                  /**
                   * LDAP filter selecting groups. Default OpenLDAP
                   * `(objectClass=groupOfNames)`, AD `(objectClass=group)`.
                   */
                  filter?: string;
                  /** Catalog `spec.type` of every group. Default `team`. */
                  type?: string;
                  /**
                   * Attribute per field of the group. An empty string means
                   * "do not read".
                   */
                  attributes?: {
                    /** Stable, unique key. Default OpenLDAP `entryUUID`, AD `objectGUID`. */
                    key?: string;
                    /** Preferred entity name. Default OpenLDAP `cn`, AD `sAMAccountName`. */
                    name?: string;
                    /** Display name. Default `cn`. */
                    displayName?: string;
                    /** E-mail address. Default OpenLDAP none, AD `mail`. */
                    email?: string;
                    /** Picture URL. Default: none. */
                    picture?: string;
                    /** Description. Default `description`. */
                    description?: string;
                    /**
                     * DNs of members (people and nested groups). Default
                     * `member`; ranged values (AD, more than 1,500 members) are
                     * read completely.
                     */
                    members?: string;
                    /** DNs of the groups this group is in. Default `memberOf`. */
                    memberOf?: string;
                  };
                  /**
                   * Identifier name to attribute. Default
                   * `{ email: <email attribute> }` when an email attribute is read.
                   */
                  identifiers?: { [name: string]: string };
                  /** Entity path to attribute, as for users. */
                  fields?: { [path: string]: string };
                  /** More attributes to request, for transformers only. */
                  extraAttributes?: string[];
                  /**
                   * Active Directory only: make `members` the effective
                   * members, including people in nested groups
                   * (LDAP_MATCHING_RULE_IN_CHAIN, one extra search per
                   * group). Default false.
                   */
                  transitiveMembers?: boolean;
                };
              };
            };
          };
        };
      };
    };
  };
}
