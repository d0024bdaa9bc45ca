import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * Org sync providers, one per organisation, keyed by provider id. Each
       * provider reads all of its sources, merges people seen by several
       * sources into one User, names entities safely and commits them to the
       * catalog only when the safety rules allow it.
       *
       * Renaming a provider id does not delete its entities: the old id's
       * entities stay until a provider takes them over or an admin releases
       * them (see the README).
       */
      orgSync?: {
        [providerId: string]: {
          /**
           * Catalog namespace of the Users and Groups. Default `default`.
           */
          namespace?: string;
          /**
           * When to sync. Default: every 30 minutes, 10 minute timeout,
           * first run 15 seconds after start-up. Runs hold a cluster-wide
           * lock, so only one replica syncs a provider at a time.
           */
          schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
          /**
           * How one person or group seen by several sources becomes one
           * entity.
           */
          merge?: {
            /**
             * Identifier names that mark two source users as the same person,
             * compared case-insensitively, for example `[email]` or
             * `[email, employeeId]`. Sources offer identifiers (an LDAP source
             * maps them from attributes). Default `[email]`.
             */
            users?: string[];
            /**
             * Identifier names that mark two source groups as the same group.
             * `name` (the normalised entity name) is always offered. Default
             * `[]`: groups from different sources stay separate.
             */
            groups?: string[];
          };
          /**
           * Rules that stop a bad read from deleting people.
           */
          safety?: {
            /**
             * Largest share of the last committed entities that one run may
             * remove, between 0 and 1. A run that would remove more commits
             * its additions and updates, keeps the rest and reports the
             * refusal. Default `0.1` (10%).
             */
            maxRemovalShare?: number;
            /**
             * Largest number of entities one run may remove, in addition to
             * `maxRemovalShare`. Default: no count limit.
             */
            maxRemovals?: number;
            /**
             * Commit a read that found no users and no groups at all (which
             * removes everything this provider owns). Default `false`.
             */
            allowEmpty?: boolean;
          };
          /**
           * The sources of this organisation, by type (`ldap`, `github`,
           * `gitlab`) and then by source id. Each type needs its source module
           * installed. When two sources disagree about a field of a merged
           * entity, the source listed first wins.
           */
          sources: {
            [sourceType: string]: {
              [sourceId: string]: {};
            };
          };
        };
      };
    };
  };
}
