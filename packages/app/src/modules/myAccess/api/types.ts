/**
 * The answers of the group policy's HTTP API (`/api/permission/group-policy`), as the My access page reads them.
 */

/** How a principal got a role: a binding (to the user or one of their groups), a catalog annotation, or the defaults. */
export type RoleVia = {
  kind: 'binding' | 'annotation' | 'default';
  /** The bound member or the annotated entity, e.g. `group:default/platform-team`. */
  member?: string;
  /** The membership path from the user to `member`, e.g. `[user:default/alice, group:default/platform-team]`. */
  path: string[];
};

export type MeGroup = {
  ref: string;
  title?: string;
  /** True for a group the user is a member of; false for one reached through a parent group. */
  direct: boolean;
  /** `user → … → group`. */
  path: string[];
};

export type MeRole = {
  name: string;
  description?: string;
  superuser?: boolean;
  via: RoleVia[];
};

/** The in-memory org graph the policy decides with; no `loadedAt` while none has loaded yet. */
export type GraphFreshness = {
  loadedAt?: string;
  ageSeconds?: number;
  stale: boolean;
  users: number;
  groups: number;
  lastError?: string;
};

export type MeResponse = {
  user: string;
  /** The user's display name from the org graph. */
  title?: string;
  /** False when the org graph has no such user (only default roles apply). */
  known: boolean;
  groups: MeGroup[];
  roles: MeRole[];
  /** Role names from catalog annotations that the policy does not define. */
  unknownRoles: string[];
  policyVersion: string;
  graph: GraphFreshness;
};

export type DecisionResult = 'ALLOW' | 'DENY' | 'CONDITIONAL';

export type RuleMatch = {
  role: string;
  /** The rule's position in the role's `rules` (from 0); -1 for a superuser role. */
  ruleIndex: number;
  effect: 'allow' | 'deny';
  /** The rule's selector as written, e.g. `catalog.entity.*` or `actions: [read]`. */
  selector: string;
  when?: object;
  specificity: string;
  via: RoleVia;
};

export type ExplainRequest = {
  /** Whom to ask about; only administrators may name someone else. */
  user?: string;
  permission: string;
  resourceRef?: string;
};

export type ExplainResponse = {
  result: DecisionResult;
  user: string;
  permission: {
    name: string;
    type: string;
    resourceType?: string;
    action?: string;
  };
  /** One sentence. */
  reason: string;
  /** How rules combine, as the policy applies it. */
  semantics: string;
  winner?: RuleMatch;
  matched: RuleMatch[];
  overridden: RuleMatch[];
  conditions?: object;
  resource?: { ref: string; allowed: boolean; reason: string };
  policyVersion: string;
};

export type Capability = {
  permission: string;
  result: DecisionResult;
  reason: string;
  winner?: RuleMatch;
};

export type CapabilitiesResponse = {
  user: string;
  items: Capability[];
};

export type WhoCanResponse = {
  permission: string;
  /** Every user and bound service for whom the permission is not denied. */
  principals: {
    ref: string;
    result: DecisionResult;
    role?: string;
    via?: RoleVia;
  }[];
};
