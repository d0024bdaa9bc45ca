import {
  stringifyEntityRef,
  type Entity,
  RELATION_CHILD_OF,
  RELATION_MEMBER_OF,
  parseEntityRef,
} from '@backstage/catalog-model';
import { memberKey } from '../policy/compilePolicy';

/** A User or Group as the policy sees it. */
export type OrgNode = {
  /** Canonical entity ref, e.g. `group:default/platform-team`. */
  ref: string;
  title?: string;
  /** Users: the groups they are a direct member of. Groups: their parents. */
  edges: string[];
  /** Role names from the catalog role annotation. */
  roles: string[];
};

/** A group a user belongs to, with the shortest path that makes it so. */
export type GroupMembership = {
  ref: string;
  direct: boolean;
  /** From the user to the group: `[user, group, …, ref]`. */
  path: string[];
};

/** The org graph's portable form: what `GET /snapshot` serves and the CLI reads. */
export type OrgSnapshot = {
  kind: 'org-snapshot';
  version: 1;
  loadedAt: string;
  users: OrgNode[];
  groups: OrgNode[];
};

function refsOf(entity: Entity, relation: string, specField: unknown) {
  const refs = new Set<string>();
  for (const r of entity.relations ?? []) {
    if (r.type === relation) refs.add(memberKey(r.targetRef));
  }
  if (Array.isArray(specField)) {
    for (const value of specField) {
      if (typeof value !== 'string') continue;
      try {
        refs.add(
          memberKey(
            stringifyEntityRef(
              parseEntityRef(value, {
                defaultKind: 'group',
                defaultNamespace: entity.metadata.namespace ?? 'default',
              }),
            ),
          ),
        );
      } catch {
        // An unparseable ref cannot name a group; the catalog reports it.
      }
    }
  }
  return [...refs].filter(ref => ref.startsWith('group:'));
}

function rolesOf(entity: Entity, annotation: string | undefined): string[] {
  const value = annotation && entity.metadata.annotations?.[annotation];
  if (!value) return [];
  return value
    .split(',')
    .map(r => r.trim())
    .filter(Boolean);
}

/**
 * Users and Groups with their membership and parent edges, immutable once
 * built. Transitive memberships are computed on first use per user and kept.
 * Cycles are tolerated: each group is visited once per user.
 */
export class OrgGraph {
  private readonly memberships = new Map<string, GroupMembership[]>();

  private constructor(
    readonly users: ReadonlyMap<string, OrgNode>,
    readonly groups: ReadonlyMap<string, OrgNode>,
    readonly loadedAt: Date,
  ) {}

  static fromEntities(
    entities: Iterable<Entity>,
    options: { rolesAnnotation?: string; loadedAt?: Date } = {},
  ): OrgGraph {
    const users = new Map<string, OrgNode>();
    const groups = new Map<string, OrgNode>();
    for (const entity of entities) {
      const kind = entity.kind.toLowerCase();
      if (kind !== 'user' && kind !== 'group') continue;
      const ref = memberKey(stringifyEntityRef(entity));
      const spec = (entity.spec ?? {}) as Record<string, unknown>;
      const profile = spec.profile as { displayName?: string } | undefined;
      const node: OrgNode = {
        ref,
        title: entity.metadata.title ?? profile?.displayName,
        edges:
          kind === 'user'
            ? refsOf(entity, RELATION_MEMBER_OF, spec.memberOf)
            : refsOf(
                entity,
                RELATION_CHILD_OF,
                spec.parent ? [spec.parent] : [],
              ),
        roles: rolesOf(entity, options.rolesAnnotation),
      };
      (kind === 'user' ? users : groups).set(ref, node);
    }
    return new OrgGraph(users, groups, options.loadedAt ?? new Date());
  }

  static fromSnapshot(snapshot: OrgSnapshot): OrgGraph {
    if (snapshot?.kind !== 'org-snapshot' || snapshot.version !== 1) {
      throw new Error(
        'not an org snapshot (expected kind: org-snapshot, version: 1)',
      );
    }
    const index = (nodes: OrgNode[]) =>
      new Map(
        nodes.map(n => [
          memberKey(n.ref),
          { ...n, ref: memberKey(n.ref), edges: n.edges.map(memberKey) },
        ]),
      );
    return new OrgGraph(
      index(snapshot.users),
      index(snapshot.groups),
      new Date(snapshot.loadedAt),
    );
  }

  toSnapshot(): OrgSnapshot {
    return {
      kind: 'org-snapshot',
      version: 1,
      loadedAt: this.loadedAt.toISOString(),
      users: [...this.users.values()],
      groups: [...this.groups.values()],
    };
  }

  /**
   * Every group the user belongs to, directly or through parent groups, each
   * with the shortest path. Unknown users have none.
   */
  membershipsOf(userRef: string): readonly GroupMembership[] {
    const key = memberKey(userRef);
    const known = this.memberships.get(key);
    if (known) return known;
    const result: GroupMembership[] = [];
    const user = this.users.get(key);
    if (user) {
      const seen = new Set<string>();
      let frontier: string[][] = [];
      for (const group of user.edges) {
        if (seen.has(group)) continue;
        seen.add(group);
        frontier.push([key, group]);
      }
      while (frontier.length) {
        const next: string[][] = [];
        for (const path of frontier) {
          const ref = path[path.length - 1];
          result.push({ ref, direct: path.length === 2, path });
          for (const parent of this.groups.get(ref)?.edges ?? []) {
            if (seen.has(parent)) continue;
            seen.add(parent);
            next.push([...path, parent]);
          }
        }
        frontier = next;
      }
    }
    this.memberships.set(key, result);
    return result;
  }
}
