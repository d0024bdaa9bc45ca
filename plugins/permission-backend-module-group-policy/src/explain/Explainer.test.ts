import type { Entity } from '@backstage/catalog-model';
import { OrgGraph } from '../graph/OrgGraph';
import { PolicyEngine } from '../engine/PolicyEngine';
import {
  orgEntities,
  permissions as p,
  policyConfig,
} from '../__testUtils__/fixtures';
import { Explainer } from './Explainer';

const graph = OrgGraph.fromEntities(orgEntities);
const explainer = new Explainer(new PolicyEngine(policyConfig()));

const owned = (owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'x', namespace: 'default' },
  relations: [{ type: 'ownedBy', targetRef: owner }],
});

describe('Explainer', () => {
  it('describes a user: groups with their paths and roles with how they were granted', () => {
    const me = explainer.me('user:default/lnowak', graph);
    expect(me.groups.map(g => [g.ref, g.direct, g.path.length])).toEqual([
      ['group:default/sre-oncall', true, 2],
      ['group:default/sre', false, 3],
      ['group:default/platform-team', false, 4],
      ['group:default/engineering', false, 5],
    ]);
    expect(me.roles.map(r => [r.name, r.via[0].member])).toEqual([
      ['registrar', 'group:default/platform-team'],
      ['developer', 'group:default/engineering'],
    ]);
  });

  it('says whether one entity meets the conditions of a conditional decision', () => {
    const mine = explainer.explain(
      'user:default/lnowak',
      p.entityRefresh,
      graph,
      {
        ref: 'component:default/x',
        entity: owned('group:default/platform-team'),
      },
    );
    expect(mine.result).toBe('CONDITIONAL');
    expect(mine.resource).toEqual({
      ref: 'component:default/x',
      allowed: true,
      reason: `the entity meets {"isOwner":true} of rule 1 of role 'developer'`,
    });
    const theirs = explainer.explain(
      'user:default/lnowak',
      p.entityRefresh,
      graph,
      {
        ref: 'component:default/x',
        entity: owned('group:default/web'),
      },
    );
    expect(theirs.resource?.allowed).toBe(false);
    const missing = explainer.explain(
      'user:default/lnowak',
      p.entityRefresh,
      graph,
      {
        ref: 'component:default/gone',
      },
    );
    expect(missing.resource).toMatchObject({
      allowed: false,
      reason: 'no such entity in the catalog',
    });
  });

  it('lists who can do something, with the role that allows it', () => {
    expect(
      explainer.whoCan(p.locationCreate, graph).map(w => [w.ref, w.role]),
    ).toEqual([
      ['user:default/alice', 'registrar'],
      ['user:default/lnowak', 'registrar'],
      ['user:default/root', 'admin'],
    ]);
  });
});
