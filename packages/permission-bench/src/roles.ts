import { BenchPermission, PERMISSIONS, PermissionAction } from './permissions';
import type { Prng } from '@internal/demo-org';
import { SyntheticOrg } from './org';

/** What a rule covers, in the policy module's config syntax. */
export type RuleTarget =
  | string
  | string[]
  | { resourceType?: string; actions?: PermissionAction[] };

export interface BenchRule {
  allow?: RuleTarget;
  deny?: RuleTarget;
  when?: { isOwner?: true; kinds?: string[] };
}

export interface BenchRole {
  description: string;
  superuser?: boolean;
  rules?: BenchRule[];
}

/** The roles and bindings, as `permission.groupPolicy` takes them. */
export interface BenchPolicy {
  roles: Record<string, BenchRole>;
  bindings: Array<{ role: string; members: string[] }>;
}

const EXACT_NAMES = [
  'catalog.entity.read',
  'catalog.entity.create',
  'catalog.location.read',
  'catalog.location.create',
  'catalog.location.analyze',
  'catalog.entity.validate',
  'scaffolder.task.create',
  'scaffolder.task.read',
  'scaffolder.template.parameter.read',
  'scaffolder.template.step.read',
  'scaffolder.action.execute',
  'kubernetes.proxy',
  'kubernetes.resources.read',
  'search.query.read',
  'techdocs.entity.read.docs',
  'notifications.send',
];
const WILDCARDS = [
  'catalog.entity.*',
  'catalog.location.*',
  'catalog.*',
  'scaffolder.*',
  'scaffolder.template.*',
  'kubernetes.*',
];
const SELECTORS: Array<Exclude<RuleTarget, string | string[]>> = [
  { actions: ['read'] },
  { resourceType: 'catalog-entity' },
  { resourceType: 'scaffolder-template', actions: ['read'] },
  { resourceType: 'scaffolder-task' },
  { actions: ['create'] },
];
const DENIES: RuleTarget[] = [
  'catalog.location.create',
  'catalog.entity.delete',
  'scaffolder.template.management',
  'kubernetes.proxy',
  'catalog.ingestion.*',
  { actions: ['delete'] },
];
const CONDITIONAL_RULES: BenchRule[] = [
  { allow: 'catalog.entity.refresh', when: { isOwner: true } },
  {
    allow: 'catalog.entity.delete',
    when: { isOwner: true, kinds: ['Component'] },
  },
];

/** The superuser role (bound to a few users directly, like RHDH's `admin.superUsers`). */
export const SUPERUSER_ROLE = 'bench-admin';

function pickDistinct<T>(prng: Prng, items: readonly T[], count: number): T[] {
  const picked = new Set<T>();
  while (picked.size < Math.min(count, items.length)) {
    picked.add(prng.pick(items));
  }
  return [...picked];
}

/**
 * `count` roles (one superuser role, the rest a mix of exact names,
 * wildcards, resource-type/action selectors, denies and conditional owner
 * rules) and their bindings: 2–5 members per role, mostly groups taken at
 * every depth of the tree, some users directly.
 */
export function generatePolicy(
  org: SyntheticOrg,
  prng: Prng,
  count: number,
): BenchPolicy {
  const roles: Record<string, BenchRole> = {};
  const bindings: BenchPolicy['bindings'] = [];
  roles[SUPERUSER_ROLE] = {
    description: 'Portal administrators',
    superuser: true,
  };
  bindings.push({
    role: SUPERUSER_ROLE,
    members: pickDistinct(prng, org.userRefs, 3),
  });

  for (let index = 1; index < count; index++) {
    const name = `role-${String(index).padStart(2, '0')}`;
    const rules: BenchRule[] = [];
    switch (index % 5) {
      case 0:
        rules.push({ allow: pickDistinct(prng, EXACT_NAMES, 1 + prng.int(3)) });
        break;
      case 1:
        rules.push({ allow: prng.pick(WILDCARDS) });
        break;
      case 2:
        rules.push({ allow: prng.pick(SELECTORS) });
        break;
      case 3:
        rules.push({ allow: prng.pick(WILDCARDS) });
        rules.push({ deny: prng.pick(DENIES) });
        break;
      default:
        rules.push({ allow: prng.pick(SELECTORS) });
        rules.push({ allow: pickDistinct(prng, EXACT_NAMES, 2) });
        rules.push({ deny: prng.pick(DENIES) });
    }
    if (index % 8 === 0) {
      rules.push(CONDITIONAL_RULES[(index / 8) % CONDITIONAL_RULES.length]);
    }
    roles[name] = { description: `Synthetic role ${index}`, rules };

    const members = new Set<string>();
    const wanted = 2 + prng.int(4);
    while (members.size < wanted) {
      if (prng.next() < 0.15) {
        members.add(prng.pick(org.userRefs));
      } else {
        const depth = prng.int(org.groupsByDepth.length);
        members.add(prng.pick(org.groupsByDepth[depth]));
      }
    }
    bindings.push({ role: name, members: [...members] });
  }
  return { roles, bindings };
}

function wildcardToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\*/g, '.*')}$`);
}

/** The benchmark's permissions a rule target covers. */
export function expandTarget(target: RuleTarget): BenchPermission[] {
  if (typeof target === 'string' || Array.isArray(target)) {
    const patterns = (typeof target === 'string' ? [target] : target).map(
      wildcardToRegExp,
    );
    return PERMISSIONS.filter(p => patterns.some(re => re.test(p.name)));
  }
  return PERMISSIONS.filter(
    p =>
      (target.resourceType === undefined ||
        (p.type === 'resource' && p.resourceType === target.resourceType)) &&
      (target.actions === undefined ||
        (p.attributes.action !== undefined &&
          target.actions.includes(p.attributes.action))),
  );
}

/**
 * How specific a rule target is, in the order our policy ranks rules:
 * exact name > wildcard name (more literal characters first) > resource
 * type and action > resource type or action > `*`.
 */
export function specificity(target: RuleTarget): number {
  if (typeof target === 'string' || Array.isArray(target)) {
    const patterns = typeof target === 'string' ? [target] : target;
    // A list ranks per pattern; the generator's lists hold exact names only.
    return Math.max(
      ...patterns.map(p => {
        if (!p.includes('*')) return 4000;
        const literal = p.replace(/\*/g, '').length;
        return literal === 0 ? 0 : 3000 + literal;
      }),
    );
  }
  return target.resourceType !== undefined && target.actions !== undefined
    ? 2000
    : 1000;
}

/** The RHDH form of the same roles. */
export interface RhdhPolicy {
  /** `permission.rbac.policies-csv-file` content. */
  csv: string;
  /** `permission.rbac.admin.superUsers` names. */
  superUsers: string[];
  /** Conditional rules that have no line in the CSV (RHDH keeps those in a separate YAML file). */
  conditionalRulesLeftOut: number;
}

/**
 * The effect each permission gets from one role's unconditional rules: the
 * most specific rule wins, deny at equal specificity (our semantics inside
 * a role). RHDH cannot hold an allow and a deny of the same permission in
 * one role (its CSV loader rejects the second line as a "duplicate policy
 * with different effect"), so a role's exceptions are resolved here.
 */
function roleEffects(role: BenchRole): Map<BenchPermission, 'allow' | 'deny'> {
  const best = new Map<BenchPermission, { rank: number; deny: boolean }>();
  for (const rule of role.rules ?? []) {
    if (rule.when) continue;
    const target = (rule.allow ?? rule.deny)!;
    const rank = specificity(target);
    const deny = rule.deny !== undefined;
    for (const p of expandTarget(target)) {
      const current = best.get(p);
      if (
        !current ||
        rank > current.rank ||
        (rank === current.rank && deny && !current.deny)
      ) {
        best.set(p, { rank, deny });
      }
    }
  }
  return new Map(
    [...best].map(([p, b]) => [
      p,
      b.deny ? ('deny' as const) : ('allow' as const),
    ]),
  );
}

/**
 * Writes the roles as RHDH policies: every rule target expanded to the
 * permission names it covers (RHDH has no wildcards; names rather than
 * resource types so that RHDH checks the same names), one line per role
 * and permission with the effect the role's own rules give it, action
 * `use` where a permission has none; bindings as `g` lines; the superuser
 * role as `admin.superUsers`. Conditional rules are left out (see the
 * README). Across roles RHDH lets any deny win, which is where its answers
 * can differ from ours.
 */
export function toRhdhPolicy(policy: BenchPolicy): RhdhPolicy {
  const lines: string[] = [];
  let conditionalRulesLeftOut = 0;
  const superUsers: string[] = [];
  for (const [name, role] of Object.entries(policy.roles)) {
    conditionalRulesLeftOut += (role.rules ?? []).filter(r => r.when).length;
    for (const [p, effect] of roleEffects(role)) {
      lines.push(
        `p, role:default/${name}, ${p.name}, ${
          p.attributes.action ?? 'use'
        }, ${effect}`,
      );
    }
  }
  for (const binding of policy.bindings) {
    if (policy.roles[binding.role]?.superuser) {
      superUsers.push(...binding.members);
      continue;
    }
    for (const member of binding.members) {
      lines.push(`g, ${member}, role:default/${binding.role}`);
    }
  }
  return {
    csv: `${lines.join('\n')}\n`,
    superUsers,
    conditionalRulesLeftOut,
  };
}
