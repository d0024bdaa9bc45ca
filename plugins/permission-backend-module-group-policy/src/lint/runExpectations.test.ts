import { OrgGraph } from '../graph/OrgGraph';
import { PolicyEngine } from '../engine/PolicyEngine';
import { BUILT_IN_PERMISSIONS } from '../permissions/PermissionDirectory';
import { orgEntities, policyConfig } from '../__testUtils__/fixtures';
import { parseExpectations, runExpectations } from './runExpectations';

describe('policy expectations', () => {
  it('parses short names, full refs, services and comments', () => {
    expect(
      parseExpectations(
        '# header\nalice ALLOW catalog.location.create\n\nuser:default/Bob DENY catalog.entity.create # why\nservice:plugin:search DENY catalog.entity.read\n',
      ),
    ).toEqual([
      {
        line: 2,
        principal: 'user:default/alice',
        expected: 'ALLOW',
        permission: 'catalog.location.create',
      },
      {
        line: 4,
        principal: 'user:default/bob',
        expected: 'DENY',
        permission: 'catalog.entity.create',
      },
      {
        line: 5,
        principal: 'service:plugin:search',
        expected: 'DENY',
        permission: 'catalog.entity.read',
      },
    ]);
    expect(() => parseExpectations('alice MAYBE catalog.entity.read')).toThrow(
      'line 1: expected "<user> ALLOW|DENY|CONDITIONAL <permission>", got "alice MAYBE catalog.entity.read"',
    );
  });

  it('reports each expectation with the actual decision and its reason', () => {
    const results = runExpectations(
      parseExpectations(
        'lnowak ALLOW catalog.location.create\nbob ALLOW catalog.location.create\nbob DENY no.such.permission',
      ),
      new PolicyEngine(policyConfig()),
      OrgGraph.fromEntities(orgEntities),
      BUILT_IN_PERMISSIONS,
    );
    expect(results.map(r => [r.passed, r.actual])).toEqual([
      [true, 'ALLOW'],
      [false, 'DENY'],
      [false, undefined],
    ]);
    expect(results[1].reason).toMatch(/no rule of user:default\/bob's roles/);
    expect(results[2].reason).toBe("unknown permission 'no.such.permission'");
  });
});
