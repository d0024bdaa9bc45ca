import type { GroupPolicyConfig } from '../config/readGroupPolicyConfig';
import type { RuleCondition } from '../config/schema';
import { compileTarget, type Matcher } from './matchers';

/** A rule ready for matching. */
export type CompiledRule = {
  role: string;
  /** Position in the role's `rules`, for explanations and the lint. */
  index: number;
  effect: 'allow' | 'deny';
  when?: RuleCondition;
  matchers: Matcher[];
};

export type CompiledRole = {
  name: string;
  description?: string;
  superuser: boolean;
  rules: CompiledRule[];
};

/** The policy as the engine uses it: roles by name, bindings by member. */
export type CompiledPolicy = {
  config: GroupPolicyConfig;
  roles: ReadonlyMap<string, CompiledRole>;
  /** Lower-cased member ref (user, group or service) → role names bound to it. */
  rolesByMember: ReadonlyMap<string, readonly string[]>;
};

/** Lower-cases an entity or service ref the way bindings are looked up. */
export function memberKey(ref: string): string {
  return ref.toLowerCase();
}

export function compilePolicy(config: GroupPolicyConfig): CompiledPolicy {
  const roles = new Map<string, CompiledRole>();
  for (const [name, role] of config.roles) {
    roles.set(name, {
      name,
      description: role.description,
      superuser: role.superuser ?? false,
      rules: (role.rules ?? []).map((rule, index) => ({
        role: name,
        index,
        effect: rule.deny !== undefined ? 'deny' : 'allow',
        when: rule.when,
        matchers: compileTarget((rule.deny ?? rule.allow)!),
      })),
    });
  }
  const rolesByMember = new Map<string, string[]>();
  for (const binding of config.bindings) {
    for (const member of binding.members) {
      const key = memberKey(member);
      const list = rolesByMember.get(key) ?? [];
      if (!list.includes(binding.role)) list.push(binding.role);
      rolesByMember.set(key, list);
    }
  }
  return { config, roles, rolesByMember };
}
