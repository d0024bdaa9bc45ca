import type { GroupMembership, OrgGraph } from '../graph/OrgGraph';
import { memberKey, type CompiledPolicy } from '../policy/compilePolicy';

/** How a principal came to hold a role. */
export type RoleVia = {
  kind: 'binding' | 'annotation' | 'default';
  /** The bound or annotated user, group or service. */
  member?: string;
  /** From the principal to the member: `[user, group, …]`. */
  path: string[];
};

export type RoleGrant = { role: string; via: RoleVia };

/** Who a principal is to the policy: groups, and every way they hold a role. */
export type ResolvedPrincipal = {
  ref: string;
  kind: 'user' | 'service';
  /** Whether the org graph knows this user (always true for services). */
  known: boolean;
  memberships: readonly GroupMembership[];
  /** Every grant, best (shortest path) first; a role may appear several times. */
  grants: RoleGrant[];
  /** The principal's role names, each once, in the order of their best grant. */
  roles: string[];
  /** The user and all of its groups: what an owner condition matches. */
  claims: string[];
  /** Annotation role names that the policy does not define. */
  unknownRoles: string[];
};

/**
 * Resolves a user (`user:…`) or service (`service:plugin:…`,
 * `service:external:…`) against the policy and, for users, the org graph.
 */
export function resolvePrincipal(
  principalRef: string,
  policy: CompiledPolicy,
  graph: OrgGraph | undefined,
): ResolvedPrincipal {
  const ref = memberKey(principalRef);
  const kind = ref.startsWith('service:') ? 'service' : 'user';
  const grants: RoleGrant[] = [];
  const unknownRoles: string[] = [];
  const bound = (member: string, path: string[]) => {
    for (const role of policy.rolesByMember.get(member) ?? []) {
      grants.push({ role, via: { kind: 'binding', member, path } });
    }
  };
  const annotated = (member: string, roles: string[], path: string[]) => {
    for (const role of roles) {
      if (policy.roles.has(role)) {
        grants.push({ role, via: { kind: 'annotation', member, path } });
      } else if (!unknownRoles.includes(role)) {
        unknownRoles.push(role);
      }
    }
  };

  bound(ref, [ref]);
  let memberships: readonly GroupMembership[] = [];
  let known = kind === 'service';
  if (kind === 'user' && graph) {
    const user = graph.users.get(ref);
    known = user !== undefined;
    memberships = graph.membershipsOf(ref);
    if (user) annotated(ref, user.roles, [ref]);
    for (const m of memberships) {
      bound(m.ref, m.path);
      annotated(m.ref, graph.groups.get(m.ref)?.roles ?? [], m.path);
    }
  }
  if (kind === 'user') {
    for (const role of policy.config.defaultRoles) {
      grants.push({ role, via: { kind: 'default', path: [ref] } });
    }
  }
  // Shortest path first, so each role's first grant is the one to show.
  grants.sort((a, b) => a.via.path.length - b.via.path.length);
  const roles = [...new Set(grants.map(g => g.role))];
  return {
    ref,
    kind,
    known,
    memberships,
    grants,
    roles,
    claims: [ref, ...memberships.map(m => m.ref)],
    unknownRoles,
  };
}
