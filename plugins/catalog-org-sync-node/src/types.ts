import type { Config } from '@backstage/config';
import type { LoggerService } from '@backstage/backend-plugin-api';

/**
 * Entity fields a source may set from its own attributes, as dotted paths.
 *
 * Allowed paths: `metadata.title`, `metadata.description`,
 * `metadata.annotations.<key>`, `metadata.labels.<key>`,
 * `spec.profile.displayName`, `spec.profile.email`, `spec.profile.picture`.
 * The engine rejects (and reports) any other path.
 *
 * @public
 */
export type OrgSourceFields = Record<string, string>;

/**
 * Something a source noticed while reading: an entry it skipped, a value it
 * could not use, a page it could not read.
 *
 * @public
 */
export type OrgSourceProblem = {
  /** `error` problems make the read partial; `warning` problems do not. */
  severity: 'warning' | 'error';
  /** A short machine-readable code, for example `missing-name-attribute`. */
  code: string;
  /** A sentence an operator understands, naming the entry and the cause. */
  message: string;
  /** The entry concerned, for example an LDAP DN or a GitHub login. */
  entry?: string;
  /**
   * The stable key of a skipped user or group, when the source knows it. The
   * engine keeps the entity it last committed for that key instead of
   * removing it.
   */
  key?: string;
};

/**
 * A person as one source sees it, before naming and merging.
 *
 * @public
 */
export type OrgSourceUser = {
  /**
   * The stable, immutable key of this user inside the source (LDAP
   * `entryUUID` / `objectGUID`, GitHub node id, GitLab user id). Memberships
   * refer to users by this key.
   */
  key: string;
  /**
   * The preferred catalog name before normalisation (uid, sAMAccountName,
   * login). The engine turns it into a valid entity name.
   */
  name: string;
  displayName?: string;
  email?: string;
  picture?: string;
  description?: string;
  /**
   * Values the identity merge may match on, by key name, for example
   * `{ email: 'ada@example.com', employeeId: '4711' }`. Compared
   * case-insensitively.
   */
  identifiers: Record<string, string>;
  /** Stable source ids and other annotations, for example `backstage.io/ldap-uuid`. */
  annotations: Record<string, string>;
  /** Extra entity fields mapped from source attributes (see {@link OrgSourceFields}). */
  fields: OrgSourceFields;
  /** Keys of the groups (in this source) the user is a direct member of. */
  memberOf: string[];
};

/**
 * A group as one source sees it, before naming and merging.
 *
 * @public
 */
export type OrgSourceGroup = {
  /** The stable key of this group inside the source. */
  key: string;
  /** The preferred catalog name before normalisation (cn, team slug, group path). */
  name: string;
  displayName?: string;
  description?: string;
  email?: string;
  picture?: string;
  /** The catalog `spec.type`, for example `team`. */
  type: string;
  identifiers: Record<string, string>;
  annotations: Record<string, string>;
  fields: OrgSourceFields;
  /** Keys of the direct parent groups (in this source). */
  parents: string[];
  /** Keys of the direct child groups (in this source). */
  children: string[];
  /** Keys of the direct user members (in this source). */
  members: string[];
};

/**
 * What one read of a source returned.
 *
 * @public
 */
export type OrgSourceReadResult = {
  users: OrgSourceUser[];
  groups: OrgSourceGroup[];
  /**
   * False when the source knows it did not see everything (a page failed, a
   * sub-read was refused). The engine then commits additions and updates but
   * no removals.
   */
  complete: boolean;
  problems: OrgSourceProblem[];
};

/**
 * One configured source of org data.
 *
 * @public
 */
export interface OrgSource {
  /** The source type, for example `ldap`. */
  readonly type: string;
  /** The source id from config (`sources.<type>.<id>`). */
  readonly id: string;
  /**
   * Reads every user and group. Throws when nothing usable was read (bind
   * failed, every URL unreachable); returns `complete: false` when some data
   * was read but not all.
   */
  read(options: { signal: AbortSignal }): Promise<OrgSourceReadResult>;
}

/**
 * Builds sources of one type from config.
 *
 * @public
 */
export interface OrgSourceFactory {
  /** The type, used as the config key under `sources`, for example `ldap`. */
  readonly type: string;
  /**
   * Creates one source. Throws an `InputError` naming the full config key
   * when the config is invalid, so that start-up fails.
   */
  create(options: {
    providerId: string;
    sourceId: string;
    /** The source's config block, `catalog.providers.orgSync.<providerId>.sources.<type>.<sourceId>`. */
    config: Config;
    /** The config path of that block, for error messages. */
    configPath: string;
    logger: LoggerService;
  }): OrgSource;
}
