import { OrgGraph } from '../graph/OrgGraph';
import { compilePolicy } from '../policy/compilePolicy';
import { BUILT_IN_PERMISSIONS } from '../permissions/PermissionDirectory';
import { orgEntities, policyConfig } from '../__testUtils__/fixtures';
import { lintPolicy } from './lintPolicy';

const graph = OrgGraph.fromEntities(orgEntities);
const lint = (groupPolicy: object) =>
  lintPolicy(
    compilePolicy(policyConfig(groupPolicy)),
    BUILT_IN_PERMISSIONS,
    graph,
  );

describe('lintPolicy', () => {
  it('reports unknown names, rules that never decide, missing members and unused roles', () => {
    const findings = lint({
      roles: {
        admin: { superuser: true, rules: [{ allow: 'catalog.entity.read' }] },
        dev: {
          rules: [
            { allow: ['catalog.entity.reed', 'catalog.location.create'] },
            { allow: 'scaffolder.*' },
            { allow: 'catalog.location.*', when: { isOwner: true } },
            { allow: 'catalog.entity.delete' },
            { deny: 'catalog.entity.delete' },
          ],
        },
        lonely: { rules: [{ allow: 'catalog.entity.read' }] },
      },
      bindings: [
        { role: 'admin', members: ['group:default/admins'] },
        {
          role: 'dev',
          members: ['group:default/no-such-team', 'user:default/ghost'],
        },
      ],
    });
    expect(findings).toEqual([
      {
        severity: 'warning',
        at: 'roles.admin',
        message:
          'a superuser role allows everything; its rules never decide anything',
      },
      {
        severity: 'error',
        at: 'roles.dev.rules[0]',
        message:
          "unknown permission 'catalog.entity.reed' (no installed plugin declares it)",
      },
      {
        severity: 'warning',
        at: 'roles.dev.rules[1]',
        message: `'scaffolder.*' matches none of the ${BUILT_IN_PERMISSIONS.length} known permissions`,
      },
      {
        severity: 'warning',
        at: 'roles.dev.rules[2]',
        message:
          'its conditions only apply to catalog-entity permissions, and it matches none, so it never applies',
      },
      {
        severity: 'warning',
        at: 'roles.dev.rules[3]',
        message:
          "shadowed: for every permission it matches (catalog.entity.delete), another rule of role 'dev' wins",
      },
      {
        severity: 'error',
        at: 'bindings[1]',
        message:
          'group:default/no-such-team is not in the org graph (5 users, 7 groups)',
      },
      {
        severity: 'warning',
        at: 'bindings[1]',
        message:
          'user:default/ghost is not in the org graph (5 users, 7 groups)',
      },
      {
        severity: 'warning',
        at: 'roles.lonely',
        message:
          'nobody holds this role (no binding, default role or catalog annotation)',
      },
    ]);
  });

  it('finds nothing wrong with a clean policy', () => {
    expect(
      lint({
        roles: {
          admin: { superuser: true },
          registrar: {
            rules: [
              { allow: ['catalog.location.create', 'catalog.entity.create'] },
            ],
          },
        },
        bindings: [
          { role: 'admin', members: ['group:default/admins'] },
          { role: 'registrar', members: ['group:default/platform-team'] },
        ],
      }),
    ).toEqual([]);
  });
});
