import { HumanDuration } from '@backstage/types';

/** What a rule covers: permission names (with `*` wildcards) or a selector. */
type RuleTarget =
  | string
  | string[]
  | {
      /** Resource type of resource permissions, e.g. `catalog-entity`. */
      resourceType?: string;
      /** Permission actions: `create`, `read`, `update`, `delete`. */
      actions?: Array<'create' | 'read' | 'update' | 'delete'>;
    };

export interface Config {
  permission?: {
    /**
     * The group/role permission policy. Invalid values fail start-up naming
     * the key; a bad change on reload keeps the last good policy.
     */
    groupPolicy?: {
      /**
       * A YAML file with more `roles` and `bindings`, relative to the
       * backend's working directory. Edits are picked up within seconds.
       */
      file?: string;
      /**
       * Roles by name (lowercase letters, digits, `.`, `_`, `-`).
       */
      roles?: {
        [name: string]: {
          /** Shown on the My access page and in explanations. */
          description?: string;
          /** Allows every permission; no deny overrides it. */
          superuser?: boolean;
          /**
           * Allow or deny rules. Among the matching rules of all of a
           * principal's roles the most specific wins; at equal specificity
           * deny wins; unmatched permissions are denied.
           */
          rules?: Array<{
            /** Permissions this rule allows. */
            allow?: RuleTarget;
            /** Permissions this rule denies. */
            deny?: RuleTarget;
            /**
             * Conditions of an allow rule, for `catalog-entity` permissions;
             * all must hold.
             */
            when?: {
              /** The entity is owned by the user or any of their groups, transitively. */
              isOwner?: true;
              /** The entity's kind is one of these. */
              kinds?: string[];
              /** The entity carries this annotation. */
              hasAnnotation?: string;
              /** The entity carries this label. */
              hasLabel?: string;
            };
          }>;
        };
      };
      /**
       * Who holds which role: `user:<ns>/<name>`, `group:<ns>/<name>` (members
       * of its descendant groups too), `service:plugin:<pluginId>` or
       * `service:<subject>` (the subject of a static or JWKS access token).
       */
      bindings?: Array<{
        role: string;
        members: string[];
      }>;
      /** Roles every signed-in user holds. Default none. */
      defaultRoles?: string[];
      /** Roles read from the catalog: a comma-separated list of role names on Users and Groups. */
      catalogRoles?: {
        /** The annotation key, e.g. `identity-portal.io/roles`. */
        annotation: string;
      };
      /** How the in-memory org graph is kept. */
      graph?: {
        /** How often it is reloaded from the catalog. Default 5 minutes. */
        refresh?: HumanDuration;
        /**
         * How old it may get while the catalog cannot be reached; beyond
         * this every decision is deny. Default 30 minutes.
         */
        maxStaleness?: HumanDuration;
      };
      /** The explain routes. */
      explain?: {
        /** Plugins whose permission metadata is read to list permissions. Default `[catalog]`. */
        pluginsWithPermission?: string[];
      };
    };
  };
}
