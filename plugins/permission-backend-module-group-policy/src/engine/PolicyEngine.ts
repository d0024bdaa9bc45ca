import type { Permission } from '@backstage/plugin-permission-common';
import type { OrgGraph } from '../graph/OrgGraph';
import {
  compilePolicy,
  memberKey,
  type CompiledPolicy,
} from '../policy/compilePolicy';
import type { GroupPolicyConfig } from '../config/readGroupPolicyConfig';
import { evaluate, type Evaluation } from './evaluate';
import { resolvePrincipal, type ResolvedPrincipal } from './resolvePrincipal';

/** A remembered decision, for one shape of a permission name. */
type Remembered = {
  type: Permission['type'];
  resourceType: string | undefined;
  action: string | undefined;
  evaluation: Evaluation;
};

type Memo = {
  graph: OrgGraph | undefined;
  principal: ResolvedPrincipal;
  /** By permission name; a name normally has one shape, so lookups build no strings. */
  decisions: Map<string, Remembered[]>;
};

/** Principals remembered at once; the memo starts over beyond this. */
const MAX_MEMOISED_PRINCIPALS = 50_000;

/**
 * Decides permissions for principals against one policy and an org graph.
 * A principal's roles are resolved once per graph and policy, and each
 * decision is remembered, so a batch of N requests costs one resolution.
 */
export class PolicyEngine {
  private compiled: CompiledPolicy;
  private memo = new Map<string, Memo>();

  constructor(config: GroupPolicyConfig) {
    this.compiled = compilePolicy(config);
  }

  get policy(): CompiledPolicy {
    return this.compiled;
  }

  /** Replaces the policy; every remembered resolution is dropped. */
  setPolicy(config: GroupPolicyConfig) {
    this.compiled = compilePolicy(config);
    this.memo = new Map();
  }

  private entry(ref: string, graph: OrgGraph | undefined): Memo {
    const key = memberKey(ref);
    let memo = this.memo.get(key);
    if (!memo || memo.graph !== graph) {
      if (this.memo.size >= MAX_MEMOISED_PRINCIPALS) this.memo = new Map();
      memo = {
        graph,
        principal: resolvePrincipal(key, this.compiled, graph),
        decisions: new Map(),
      };
      this.memo.set(key, memo);
    }
    return memo;
  }

  principal(ref: string, graph: OrgGraph | undefined): ResolvedPrincipal {
    return this.entry(ref, graph).principal;
  }

  decide(
    permission: Permission,
    ref: string,
    graph: OrgGraph | undefined,
  ): Evaluation {
    const memo = this.entry(ref, graph);
    const resourceType =
      permission.type === 'resource' ? permission.resourceType : undefined;
    const action = permission.attributes.action;
    let shapes = memo.decisions.get(permission.name);
    const known = shapes?.find(
      r =>
        r.type === permission.type &&
        r.resourceType === resourceType &&
        r.action === action,
    );
    if (known) return known.evaluation;
    const evaluation = evaluate(this.compiled, memo.principal, permission);
    if (!shapes) {
      shapes = [];
      memo.decisions.set(permission.name, shapes);
    }
    shapes.push({ type: permission.type, resourceType, action, evaluation });
    return evaluation;
  }
}
