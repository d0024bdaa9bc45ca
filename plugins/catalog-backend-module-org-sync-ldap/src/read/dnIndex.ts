import type {
  OrgSourceGroup,
  OrgSourceUser,
} from '@identity-portal/plugin-catalog-org-sync-node';
import { normalizeDn, tryNormalizeDn } from '@identity-portal/ldap-node';

/** What a DN points at: the user or group itself, no further lookups. */
export type DnTarget =
  | { kind: 'user'; user: OrgSourceUser }
  | { kind: 'group'; group: OrgSourceGroup };

/**
 * Finds the user or group an LDAP DN names.
 *
 * Servers return membership values in the same spelling as entry DNs almost
 * always (slapd and Active Directory both store them in their own canonical
 * form), so a lookup first tries the DN exactly as returned: one Map lookup,
 * no parsing, no new strings. Only a DN that misses is normalised
 * ({@link normalizeDn}: escapes, case, spaces) and looked up in a second
 * index, built on the first miss.
 */
export class DnIndex {
  private readonly exact = {
    user: new Map<string, DnTarget>(),
    group: new Map<string, DnTarget>(),
  };
  private normalized?: {
    user: Map<string, DnTarget>;
    group: Map<string, DnTarget>;
  };
  /** DNs that missed both indexes. */
  misses = 0;

  /** Registers a user. */
  addUser(dn: string, user: OrgSourceUser): void {
    this.exact.user.set(dn, { kind: 'user', user });
    this.normalized = undefined;
  }

  /** Registers a group. */
  addGroup(dn: string, group: OrgSourceGroup): void {
    this.exact.group.set(dn, { kind: 'group', group });
    this.normalized = undefined;
  }

  /** Number of users or groups registered. */
  size(kind: 'user' | 'group'): number {
    return this.exact[kind].size;
  }

  private normalizedIndex() {
    if (!this.normalized) {
      const build = (exact: Map<string, DnTarget>) => {
        const map = new Map<string, DnTarget>();
        for (const [dn, target] of exact) {
          const normalized = tryNormalizeDn(dn);
          if (normalized !== undefined && !map.has(normalized)) {
            map.set(normalized, target);
          }
        }
        return map;
      };
      this.normalized = {
        user: build(this.exact.user),
        group: build(this.exact.group),
      };
    }
    return this.normalized;
  }

  /** The user or group the DN names, or undefined. */
  find(dn: string): DnTarget | undefined {
    const target = this.exact.user.get(dn) ?? this.exact.group.get(dn);
    if (target) {
      return target;
    }
    const normalized = tryNormalizeDn(dn);
    if (normalized !== undefined) {
      const index = this.normalizedIndex();
      const found = index.user.get(normalized) ?? index.group.get(normalized);
      if (found) {
        return found;
      }
    }
    this.misses++;
    return undefined;
  }

  /** The key of the user the DN names, or undefined. */
  userKey(dn: string): string | undefined {
    const target = this.find(dn);
    return target?.kind === 'user' ? target.user.key : undefined;
  }
}
