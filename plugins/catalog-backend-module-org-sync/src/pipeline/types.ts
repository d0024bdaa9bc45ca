import type { Entity } from '@backstage/catalog-model';
import type {
  OrgSourceGroup,
  OrgSourceProblem,
  OrgSourceUser,
} from '@identity-portal/plugin-catalog-org-sync-node';

/** A problem found in a run, tagged with where it came from. */
export type RunProblem = OrgSourceProblem & {
  /** `<type>.<id>` of the source, or `engine`. */
  source: string;
};

/** One source's entry, tagged with its source and a globally unique key. */
export type Tagged<T extends OrgSourceUser | OrgSourceGroup> = {
  /** `<type>:<id>:<key>`: unique across the sources of a provider. */
  qualifiedKey: string;
  /** `<type>:<id>:`, shared by every entry of the source. */
  sourcePrefix: string;
  /** Position of the source in config order; lower wins field conflicts. */
  sourceIndex: number;
  item: T;
};

/** Several source entries that are one person or one group. */
export type MergedIdentity<T extends OrgSourceUser | OrgSourceGroup> = {
  /** The first qualified key in source order; the identity's sort key. */
  id: string;
  /** Every qualified key of the parts. */
  keys: string[];
  /** The source prefix (`<type>:<id>:`) of each part. */
  sourcePrefixes: string[];
  /** The parts, in source order. */
  parts: T[];
};

/** An entity built by a run, with the source keys it was built from. */
export type BuiltEntity = {
  ref: string;
  entity: Entity;
  keys: string[];
  /** The entity's digest; computed on first use (see `hashOf`). */
  hash?: string;
};

/** A name two identities wanted. */
export type NameCollision = {
  kind: 'User' | 'Group';
  name: string;
  /** The identity that kept the name. */
  keptBy: string;
  /** The identity that got another name, and that name. */
  renamed: { id: string; name: string };
};
