import type { AuditorService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import type { OrgGraph } from '../graph/OrgGraph';
import type { UsableGraph } from '../graph/OrgGraphLoader';
import type { Evaluation } from './evaluate';
import type { PolicyEngine } from './PolicyEngine';

const ALLOW: PolicyDecision = Object.freeze({ result: AuthorizeResult.ALLOW });
const DENY: PolicyDecision = Object.freeze({ result: AuthorizeResult.DENY });

/** Denied pairs remembered for the repeat rule; beyond this, expired ones are dropped. */
const MAX_AUDIT_MEMORY = 100_000;

/** A denied (principal, permission) pair is audited at most once per this. */
const AUDIT_REPEAT_MS = 60_000;

/** Turns an evaluation into what the permission framework expects. */
export function toPolicyDecision(evaluation: Evaluation): PolicyDecision {
  if (evaluation.result === 'CONDITIONAL') {
    return {
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: evaluation.conditions!,
    };
  }
  return evaluation.result === 'ALLOW' ? ALLOW : DENY;
}

/**
 * The `PermissionPolicy` registered with the permission backend: decisions
 * come from the in-memory engine and org graph; denies are audited.
 */
export class GroupPolicy implements PermissionPolicy {
  private readonly audited = new Map<string, number>();

  constructor(
    private readonly options: {
      engine: PolicyEngine;
      /** The graph to decide for this principal with, or why there is none. */
      graph: (principalRef: string) => Promise<UsableGraph>;
      /** The graph when it is ready without waiting (the hot path), if known. */
      graphNow?: (principalRef: string) => OrgGraph | undefined;
      auditor?: AuditorService;
    },
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const principal = user?.credentials.principal as
      | { type: string; userEntityRef?: string }
      | undefined;
    const userRef = user?.info?.userEntityRef ?? principal?.userEntityRef;
    if (!userRef) {
      this.audit('unauthenticated', request.permission.name, () => ({
        reason: 'no signed-in user; unauthenticated requests are denied',
      }));
      return DENY;
    }
    let graph = this.options.graphNow?.(userRef);
    if (!graph) {
      const usable = await this.options.graph(userRef);
      if (!usable.graph) {
        this.audit(userRef, request.permission.name, () => ({
          reason: usable.reason,
        }));
        return DENY;
      }
      graph = usable.graph;
    }
    const evaluation = this.options.engine.decide(
      request.permission,
      userRef,
      graph,
    );
    if (evaluation.result === 'DENY') {
      this.audit(userRef, request.permission.name, () => ({
        reason: evaluation.reason,
        ...(evaluation.winner && {
          role: evaluation.winner.role,
          rule: evaluation.winner.ruleIndex,
        }),
      }));
    }
    return toPolicyDecision(evaluation);
  }

  /** Drops pairs audited longer ago than the repeat interval (all of them, if none are). */
  private forgetAuditedBefore(now: number) {
    for (const [key, at] of this.audited) {
      if (now - at >= AUDIT_REPEAT_MS) this.audited.delete(key);
    }
    if (this.audited.size >= MAX_AUDIT_MEMORY) this.audited.clear();
  }

  /** Audits a deny unless the same one was audited within a minute; `meta` is built only then. */
  private audit(
    principal: string,
    permission: string,
    meta: () => Record<string, string | number>,
  ) {
    const auditor = this.options.auditor;
    if (!auditor) return;
    const key = `${principal}\u0000${permission}`;
    const now = Date.now();
    if (now - (this.audited.get(key) ?? -Infinity) < AUDIT_REPEAT_MS) return;
    if (this.audited.size >= MAX_AUDIT_MEMORY) this.forgetAuditedBefore(now);
    this.audited.set(key, now);
    auditor
      .createEvent({
        eventId: 'permission-denied',
        severityLevel: 'low',
        meta: { principal, permission, decision: 'DENY', ...meta() },
      })
      .then(event => event.success())
      .catch(() => {
        // The auditor logs its own failures; a decision never waits on it.
      });
  }
}
