/**
 * A group/role-based permission policy for Backstage.
 *
 * @packageDocumentation
 */

export { permissionModuleGroupPolicy as default } from './module';
export { permissionModuleGroupPolicy } from './module';
export {
  readGroupPolicyConfig,
  type GroupPolicyConfig,
} from './config/readGroupPolicyConfig';
export { compilePolicy, type CompiledPolicy } from './policy/compilePolicy';
export {
  OrgGraph,
  type OrgNode,
  type OrgSnapshot,
  type GroupMembership,
} from './graph/OrgGraph';
export { PolicyEngine } from './engine/PolicyEngine';
export { GroupPolicy, toPolicyDecision } from './engine/GroupPolicy';
export { SEMANTICS, type Evaluation, type RuleMatch } from './engine/evaluate';
export type {
  ResolvedPrincipal,
  RoleGrant,
  RoleVia,
} from './engine/resolvePrincipal';
export { Explainer } from './explain/Explainer';
export type { ExplainResponse, MeResponse } from './explain/Explainer';
export { groupPolicyInspectPermission } from './permissions/inspectPermission';
export { BUILT_IN_PERMISSIONS } from './permissions/PermissionDirectory';
export { lintPolicy, type LintFinding } from './lint/lintPolicy';
export {
  parseExpectations,
  runExpectations,
  type Expectation,
  type ExpectationResult,
} from './lint/runExpectations';
export { groupPolicyPermissionsServiceFactory } from './service/groupPolicyPermissionsServiceFactory';
