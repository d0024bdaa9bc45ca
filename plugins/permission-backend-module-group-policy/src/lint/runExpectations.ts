import type { Permission } from '@backstage/plugin-permission-common';
import type { OrgGraph } from '../graph/OrgGraph';
import type { PolicyEngine } from '../engine/PolicyEngine';

export type Expectation = {
  line: number;
  principal: string;
  expected: 'ALLOW' | 'DENY' | 'CONDITIONAL';
  permission: string;
};

export type ExpectationResult = Expectation & {
  actual?: 'ALLOW' | 'DENY' | 'CONDITIONAL';
  passed: boolean;
  reason: string;
};

const LINE = /^(\S+)\s+(ALLOW|DENY|CONDITIONAL)\s+(\S+)$/;

/** `alice` means `user:default/alice`; full refs and `service:…` pass through. */
function principalRef(name: string) {
  if (/^(user|service):/i.test(name)) return name.toLowerCase();
  return `user:default/${name}`.toLowerCase();
}

/**
 * Parses an expectations file: one `<user> ALLOW|DENY|CONDITIONAL
 * <permission>` per line; `#` starts a comment. Throws naming the line.
 */
export function parseExpectations(text: string): Expectation[] {
  const result: Expectation[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const content = raw.replace(/#.*$/, '').trim();
    if (!content) return;
    const match = LINE.exec(content);
    if (!match) {
      throw new Error(
        `line ${
          i + 1
        }: expected "<user> ALLOW|DENY|CONDITIONAL <permission>", got "${content}"`,
      );
    }
    result.push({
      line: i + 1,
      principal: principalRef(match[1]),
      expected: match[2] as Expectation['expected'],
      permission: match[3],
    });
  });
  return result;
}

/** Decides every expectation with the engine and says which hold. */
export function runExpectations(
  expectations: Expectation[],
  engine: PolicyEngine,
  graph: OrgGraph,
  permissions: readonly Permission[],
): ExpectationResult[] {
  const byName = new Map(permissions.map(p => [p.name, p]));
  return expectations.map(expectation => {
    const permission = byName.get(expectation.permission);
    if (!permission) {
      return {
        ...expectation,
        passed: false,
        reason: `unknown permission '${expectation.permission}'`,
      };
    }
    const decision = engine.decide(permission, expectation.principal, graph);
    return {
      ...expectation,
      actual: decision.result,
      passed: decision.result === expectation.expected,
      reason: decision.reason,
    };
  });
}
