import type { Permission } from '@backstage/plugin-permission-common';
import type { OrgGraph } from '../graph/OrgGraph';
import type { CompiledPolicy, CompiledRule } from '../policy/compilePolicy';

export type LintFinding = {
  severity: 'error' | 'warning';
  /** Where: `roles.<role>.rules[<i>]`, `bindings`, … */
  at: string;
  message: string;
};

const CATALOG_ENTITY = 'catalog-entity';

function bestRank(rule: CompiledRule, permission: Permission) {
  let best: number | undefined;
  for (const matcher of rule.matchers) {
    const s = matcher.match(permission);
    if (s && (best === undefined || s.rank > best)) best = s.rank;
  }
  return best;
}

function applicable(rule: CompiledRule, permission: Permission) {
  if (
    rule.when &&
    !(
      permission.type === 'resource' &&
      permission.resourceType === CATALOG_ENTITY
    )
  ) {
    return undefined;
  }
  return bestRank(rule, permission);
}

/** A rule loses to `other` on a permission: more specific, or as specific and a deny beating an allow. */
function beats(
  other: CompiledRule,
  otherRank: number,
  rule: CompiledRule,
  rank: number,
) {
  if (otherRank !== rank) return otherRank > rank;
  return other.effect === 'deny' && rule.effect === 'allow';
}

function lintRules(policy: CompiledPolicy, known: readonly Permission[]) {
  const findings: LintFinding[] = [];
  const knownNames = new Set(known.map(p => p.name));
  for (const role of policy.roles.values()) {
    if (role.superuser && role.rules.length) {
      findings.push({
        severity: 'warning',
        at: `roles.${role.name}`,
        message:
          'a superuser role allows everything; its rules never decide anything',
      });
    }
    for (const rule of role.rules) {
      const at = `roles.${role.name}.rules[${rule.index}]`;
      for (const matcher of rule.matchers) {
        if (!matcher.text.includes('*') && !matcher.text.startsWith('{')) {
          if (!knownNames.has(matcher.text)) {
            findings.push({
              severity: 'error',
              at,
              message: `unknown permission '${matcher.text}' (no installed plugin declares it)`,
            });
          }
        } else if (!known.some(p => matcher.match(p))) {
          findings.push({
            severity: 'warning',
            at,
            message: `'${matcher.text}' matches none of the ${known.length} known permissions`,
          });
        }
      }
      const matching = known.filter(p => applicable(rule, p) !== undefined);
      if (
        rule.when &&
        matching.length === 0 &&
        known.some(p => bestRank(rule, p) !== undefined)
      ) {
        findings.push({
          severity: 'warning',
          at,
          message:
            'its conditions only apply to catalog-entity permissions, and it matches none, so it never applies',
        });
        continue;
      }
      if (matching.length === 0) continue;
      const shadowed = matching.every(p => {
        const rank = applicable(rule, p)!;
        return role.rules.some(other => {
          if (other === rule) return false;
          const otherRank = applicable(other, p);
          return otherRank !== undefined && beats(other, otherRank, rule, rank);
        });
      });
      if (shadowed) {
        findings.push({
          severity: 'warning',
          at,
          message: `shadowed: for every permission it matches (${matching
            .map(p => p.name)
            .join(', ')}), another rule of role '${role.name}' wins`,
        });
      }
    }
  }
  return findings;
}

function lintMembers(policy: CompiledPolicy, graph: OrgGraph | undefined) {
  const findings: LintFinding[] = [];
  const used = new Set(policy.config.defaultRoles);
  policy.config.bindings.forEach((binding, i) => {
    used.add(binding.role);
    for (const member of binding.members) {
      const key = member.toLowerCase();
      const kind = key.split(':')[0];
      if (!graph || kind === 'service') continue;
      const exists =
        kind === 'user' ? graph.users.has(key) : graph.groups.has(key);
      if (!exists) {
        findings.push({
          severity: kind === 'group' ? 'error' : 'warning',
          at: `bindings[${i}]`,
          message: `${member} is not in the org graph (${graph.users.size} users, ${graph.groups.size} groups)`,
        });
      }
    }
  });
  if (graph) {
    for (const node of [...graph.users.values(), ...graph.groups.values()]) {
      for (const role of node.roles) {
        used.add(role);
        if (!policy.roles.has(role)) {
          findings.push({
            severity: 'error',
            at: node.ref,
            message: `its role annotation names '${role}', which the policy does not define`,
          });
        }
      }
    }
  }
  for (const role of policy.roles.keys()) {
    if (!used.has(role)) {
      findings.push({
        severity: 'warning',
        at: `roles.${role}`,
        message:
          'nobody holds this role (no binding, default role or catalog annotation)',
      });
    }
  }
  return findings;
}

/**
 * Checks a policy against the known permissions and the org: unknown
 * permission names, members missing from the org, rules that can never
 * decide anything, roles nobody holds.
 */
export function lintPolicy(
  policy: CompiledPolicy,
  known: readonly Permission[],
  graph?: OrgGraph,
): LintFinding[] {
  return [...lintRules(policy, known), ...lintMembers(policy, graph)];
}
