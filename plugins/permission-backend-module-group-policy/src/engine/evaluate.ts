import type {
  Permission,
  PermissionCondition,
  PermissionCriteria,
} from '@backstage/plugin-permission-common';
import type { RuleCondition } from '../config/schema';
import type { CompiledPolicy, CompiledRule } from '../policy/compilePolicy';
import type { ResolvedPrincipal, RoleVia } from './resolvePrincipal';

/** The combination rules, shown in every explanation. */
export const SEMANTICS =
  'A superuser role allows everything. Otherwise, among the rules of all of the principal’s roles that match the permission, ' +
  'the most specific wins: exact name > wildcard name (more literal characters first) > resource type and action > ' +
  'resource type or action > "*". At equal specificity a deny beats an allow, and an unconditional allow beats a conditional one; ' +
  'conditional allows of several rules combine with anyOf. A permission no rule matches is denied.';

/** The resource type our conditions apply to. */
const CATALOG_ENTITY = 'catalog-entity';

/** A rule of one of the principal's roles that matched the permission. */
export type RuleMatch = {
  role: string;
  ruleIndex: number;
  effect: 'allow' | 'deny';
  selector: string;
  when?: RuleCondition;
  specificity: string;
  rank: number;
  via: RoleVia;
};

export type Evaluation = {
  result: 'ALLOW' | 'DENY' | 'CONDITIONAL';
  /** One sentence an operator understands. */
  reason: string;
  winner?: RuleMatch;
  matched: RuleMatch[];
  overridden: RuleMatch[];
  /** For CONDITIONAL: the criteria the catalog checks per entity. */
  conditions?: PermissionCriteria<PermissionCondition>;
};

function conditionCriteria(
  when: RuleCondition,
  claims: string[],
): PermissionCriteria<PermissionCondition> {
  const all: PermissionCondition[] = [];
  const condition = (rule: string, params: Record<string, unknown>) =>
    all.push({
      rule,
      resourceType: CATALOG_ENTITY,
      params,
    } as PermissionCondition);
  if (when.isOwner) condition('IS_ENTITY_OWNER', { claims });
  if (when.kinds) condition('IS_ENTITY_KIND', { kinds: when.kinds });
  if (when.hasAnnotation) {
    condition('HAS_ANNOTATION', { annotation: when.hasAnnotation });
  }
  if (when.hasLabel) condition('HAS_LABEL', { label: when.hasLabel });
  return all.length === 1
    ? all[0]
    : { allOf: all as [PermissionCondition, ...PermissionCondition[]] };
}

function ruleMatch(
  rule: CompiledRule,
  permission: Permission,
  via: RoleVia,
): RuleMatch | undefined {
  let best: { text: string; rank: number; label: string } | undefined;
  for (const matcher of rule.matchers) {
    const s = matcher.match(permission);
    if (s && (!best || s.rank > best.rank)) best = { text: matcher.text, ...s };
  }
  if (!best) return undefined;
  return {
    role: rule.role,
    ruleIndex: rule.index,
    effect: rule.effect,
    selector: best.text,
    when: rule.when,
    specificity: best.label,
    rank: best.rank,
    via,
  };
}

function describeRule(m: RuleMatch) {
  return `rule ${m.ruleIndex} of role '${m.role}' (${m.effect} ${m.selector}${
    m.when ? ` when ${JSON.stringify(m.when)}` : ''
  }, ${m.specificity})`;
}

function describeVia(via: RoleVia) {
  if (via.kind === 'default') return 'a default role';
  const how = via.kind === 'binding' ? 'bound to' : 'annotated on';
  return via.path.length > 1
    ? `${how} ${via.member} (${via.path.join(' → ')})`
    : `${how} ${via.member}`;
}

/** Decides one permission for a resolved principal. Pure and synchronous. */
export function evaluate(
  policy: CompiledPolicy,
  principal: ResolvedPrincipal,
  permission: Permission,
): Evaluation {
  const firstVia = new Map<string, RoleVia>();
  for (const grant of principal.grants) {
    if (!firstVia.has(grant.role)) firstVia.set(grant.role, grant.via);
  }
  if (principal.roles.length === 0) {
    return {
      result: 'DENY',
      reason: `${principal.ref} has no roles${
        principal.kind === 'user' && !principal.known
          ? ' (no such user in the org graph)'
          : ''
      }, so ${permission.name} is denied`,
      matched: [],
      overridden: [],
    };
  }
  for (const role of principal.roles) {
    if (policy.roles.get(role)?.superuser) {
      return {
        result: 'ALLOW',
        reason: `role '${role}' is a superuser role, ${describeVia(
          firstVia.get(role)!,
        )}`,
        winner: {
          role,
          ruleIndex: -1,
          effect: 'allow',
          selector: 'superuser',
          specificity: 'superuser',
          rank: Number.MAX_SAFE_INTEGER,
          via: firstVia.get(role)!,
        },
        matched: [],
        overridden: [],
      };
    }
  }

  const conditionable =
    permission.type === 'resource' &&
    permission.resourceType === CATALOG_ENTITY;
  const matched: RuleMatch[] = [];
  for (const role of principal.roles) {
    const via = firstVia.get(role)!;
    for (const rule of policy.roles.get(role)?.rules ?? []) {
      if (rule.when && !conditionable) continue;
      const m = ruleMatch(rule, permission, via);
      if (m) matched.push(m);
    }
  }
  if (matched.length === 0) {
    return {
      result: 'DENY',
      reason: `no rule of ${principal.ref}'s roles (${principal.roles.join(
        ', ',
      )}) matches ${permission.name}; anything unmatched is denied`,
      matched,
      overridden: [],
    };
  }
  const top = Math.max(...matched.map(m => m.rank));
  const best = matched.filter(m => m.rank === top);
  const deny = best.find(m => m.effect === 'deny');
  const allow = best.find(m => m.effect === 'allow' && !m.when);
  const winner = deny ?? allow;
  if (winner) {
    const overridden = matched.filter(
      m => m !== winner && m.effect !== winner.effect,
    );
    return {
      result: deny ? 'DENY' : 'ALLOW',
      reason: `${describeRule(winner)}, ${describeVia(winner.via)}${
        overridden.length
          ? `; it outranks ${overridden.map(describeRule).join(', ')}`
          : ''
      }`,
      winner,
      matched,
      overridden,
    };
  }
  const conditional = best.filter(m => m.when);
  const criteria = conditional.map(m =>
    conditionCriteria(m.when!, principal.claims),
  );
  return {
    result: 'CONDITIONAL',
    reason: `allowed where ${conditional
      .map(m => `${JSON.stringify(m.when)} (${describeRule(m)})`)
      .join(' or ')}, ${describeVia(conditional[0].via)}`,
    winner: conditional[0],
    matched,
    overridden: matched.filter(m => m.rank < top && m.effect === 'deny'),
    conditions:
      criteria.length === 1
        ? criteria[0]
        : {
            anyOf: criteria as [
              PermissionCriteria<PermissionCondition>,
              ...PermissionCriteria<PermissionCondition>[],
            ],
          },
  };
}
