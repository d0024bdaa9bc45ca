import type { Entity } from '@backstage/catalog-model';
import type { Permission } from '@backstage/plugin-permission-common';
import type { OrgGraph } from '../graph/OrgGraph';
import { entityMatches } from '../engine/entityMatches';
import { SEMANTICS, type Evaluation, type RuleMatch } from '../engine/evaluate';
import type { PolicyEngine } from '../engine/PolicyEngine';
import type { RoleVia } from '../engine/resolvePrincipal';

export type MeResponse = {
  user: string;
  title?: string;
  known: boolean;
  groups: { ref: string; title?: string; direct: boolean; path: string[] }[];
  roles: {
    name: string;
    description?: string;
    superuser: boolean;
    via: RoleVia[];
  }[];
  unknownRoles: string[];
  policyVersion: string;
};

export type ExplainResponse = {
  result: Evaluation['result'];
  user: string;
  permission: {
    name: string;
    type: Permission['type'];
    resourceType?: string;
    action?: string;
  };
  reason: string;
  semantics: string;
  winner?: RuleMatch;
  matched: RuleMatch[];
  overridden: RuleMatch[];
  conditions?: Evaluation['conditions'];
  resource?: { ref: string; allowed: boolean; reason: string };
  policyVersion: string;
};

/** The answers behind the explain routes and the policy CLI. */
export class Explainer {
  constructor(private readonly engine: PolicyEngine) {}

  me(userRef: string, graph: OrgGraph): MeResponse {
    const principal = this.engine.principal(userRef, graph);
    const policy = this.engine.policy;
    return {
      user: principal.ref,
      title: graph.users.get(principal.ref)?.title,
      known: principal.known,
      groups: principal.memberships.map(m => ({
        ...m,
        title: graph.groups.get(m.ref)?.title,
      })),
      roles: principal.roles.map(name => ({
        name,
        description: policy.roles.get(name)?.description,
        superuser: policy.roles.get(name)?.superuser ?? false,
        via: principal.grants.filter(g => g.role === name).map(g => g.via),
      })),
      unknownRoles: principal.unknownRoles,
      policyVersion: policy.config.version,
    };
  }

  explain(
    userRef: string,
    permission: Permission,
    graph: OrgGraph,
    resource?: { ref: string; entity?: Entity },
  ): ExplainResponse {
    const evaluation = this.engine.decide(permission, userRef, graph);
    const principal = this.engine.principal(userRef, graph);
    const response: ExplainResponse = {
      result: evaluation.result,
      user: principal.ref,
      permission: {
        name: permission.name,
        type: permission.type,
        resourceType:
          permission.type === 'resource' ? permission.resourceType : undefined,
        action: permission.attributes.action,
      },
      reason: evaluation.reason,
      semantics: SEMANTICS,
      winner: evaluation.winner,
      matched: evaluation.matched,
      overridden: evaluation.overridden,
      conditions: evaluation.conditions,
      policyVersion: this.engine.policy.config.version,
    };
    if (resource) {
      response.resource = this.onResource(
        evaluation,
        principal.claims,
        resource,
      );
    }
    return response;
  }

  private onResource(
    evaluation: Evaluation,
    claims: string[],
    resource: { ref: string; entity?: Entity },
  ) {
    if (evaluation.result !== 'CONDITIONAL') {
      return {
        ref: resource.ref,
        allowed: evaluation.result === 'ALLOW',
        reason: `the decision does not depend on the entity`,
      };
    }
    if (!resource.entity) {
      return {
        ref: resource.ref,
        allowed: false,
        reason: 'no such entity in the catalog',
      };
    }
    const entity = resource.entity;
    const met = evaluation.matched.filter(
      m =>
        m.effect === 'allow' &&
        m.when &&
        m.rank === evaluation.winner!.rank &&
        entityMatches(entity, m.when, claims),
    );
    return {
      ref: resource.ref,
      allowed: met.length > 0,
      reason: met.length
        ? `the entity meets ${JSON.stringify(met[0].when)} of rule ${
            met[0].ruleIndex
          } of role '${met[0].role}'`
        : `the entity meets none of the conditions`,
    };
  }

  capabilities(userRef: string, permissions: Permission[], graph: OrgGraph) {
    return permissions.map(permission => {
      const e = this.engine.decide(permission, userRef, graph);
      return {
        permission: permission.name,
        result: e.result,
        reason: e.reason,
        winner: e.winner,
      };
    });
  }

  /** Every user and bound service for whom the permission is not denied. */
  whoCan(permission: Permission, graph: OrgGraph) {
    const services = [...this.engine.policy.rolesByMember.keys()].filter(k =>
      k.startsWith('service:'),
    );
    const principals = [...graph.users.keys(), ...services];
    return principals.flatMap(ref => {
      const e = this.engine.decide(permission, ref, graph);
      return e.result === 'DENY'
        ? []
        : [{ ref, result: e.result, via: e.winner?.via, role: e.winner?.role }];
    });
  }
}
