import type { Entity } from '@backstage/catalog-model';
import { ConfigSources } from '@backstage/config-loader';
import {
  BUILT_IN_PERMISSIONS,
  OrgGraph,
  PolicyEngine,
  lintPolicy,
  parseExpectations,
  readGroupPolicyConfig,
  runExpectations,
} from '@identity-portal/plugin-permission-backend-module-group-policy';
import { createOrgGraph, loadDemoOrg } from '@internal/demo-org';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');

/** The demo org as the LDAP org sync names it: users by uid, teams by id. */
function demoOrgGraph(): OrgGraph {
  const org = loadDemoOrg();
  const entities: Entity[] = [
    ...org.teams.map(team => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: team.id },
      spec: {
        type: 'team',
        children: [],
        ...(team.parent && { parent: team.parent }),
      },
    })),
    ...org.people
      .filter(person => !person.disabled)
      .map(person => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: {
          name: person.ldap.uid,
          // as the demo's LDAP source maps businessCategory
          annotations: { 'identity-portal.io/roles': person.roles.join(',') },
        },
        spec: { memberOf: person.teams },
      })),
  ];
  return OrgGraph.fromEntities(entities, {
    rolesAnnotation: 'identity-portal.io/roles',
  });
}

async function demoPolicy() {
  const config = await ConfigSources.toConfig(
    ConfigSources.default({
      argv: [
        '--config',
        'app-config.yaml',
        '--config',
        'app-config.local.yaml',
      ].flatMap((arg, i) => (i % 2 ? resolve(ROOT, arg) : arg)),
      rootDir: ROOT,
      watch: false,
    }),
  );
  try {
    return readGroupPolicyConfig(config);
  } finally {
    config.close();
  }
}

describe('the demo permission policy shipped in app-config.local.yaml', () => {
  it('meets every expectation of examples/policy/demo.expectations on the demo org', async () => {
    const policy = await demoPolicy();
    const results = runExpectations(
      parseExpectations(
        readFileSync(
          resolve(ROOT, 'examples/policy/demo.expectations'),
          'utf8',
        ),
      ),
      new PolicyEngine(policy),
      demoOrgGraph(),
      BUILT_IN_PERMISSIONS,
    );
    expect(results.length).toBeGreaterThan(15);
    expect(results.filter(r => !r.passed)).toEqual([]);
  });

  it('gives every demo person exactly the roles demo-org.yaml says they have', async () => {
    const org = loadDemoOrg();
    const fixture = createOrgGraph(org);
    const engine = new PolicyEngine(await demoPolicy());
    const graph = demoOrgGraph();
    for (const person of org.people.filter(p => !p.disabled)) {
      const resolved = engine.principal(
        `user:default/${person.ldap.uid}`,
        graph,
      );
      expect([person.ldap.uid, [...resolved.roles].sort()]).toEqual([
        person.ldap.uid,
        [...fixture.effectiveRoles(person)].sort(),
      ]);
    }
  });

  it('passes the lint without errors', async () => {
    const engine = new PolicyEngine(await demoPolicy());
    const findings = lintPolicy(
      engine.policy,
      BUILT_IN_PERMISSIONS,
      demoOrgGraph(),
    );
    expect(findings.filter(f => f.severity === 'error')).toEqual([]);
  });
});
