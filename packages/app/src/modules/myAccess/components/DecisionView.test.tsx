import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import type { ExplainResponse } from '../api/types';
import { DecisionView } from './DecisionView';
import { semantics } from '../__testUtils__/fixtures';

const adminVia = {
  kind: 'binding' as const,
  member: 'group:default/admins',
  path: ['user:default/zhoffmann', 'group:default/admins'],
};

describe('DecisionView', () => {
  it('names a superuser role as the winner without a rule number', async () => {
    await renderInTestApp(
      <DecisionView
        decision={{
          result: 'ALLOW',
          user: 'user:default/zhoffmann',
          permission: {
            name: 'catalog.entity.delete',
            type: 'resource',
            resourceType: 'catalog-entity',
            action: 'delete',
          },
          reason: "role 'admin' is a superuser role, through admins",
          semantics,
          policyVersion: 'c0ffee12',
          winner: {
            role: 'admin',
            ruleIndex: -1,
            effect: 'allow',
            selector: 'superuser',
            specificity: 'superuser',
            via: adminVia,
          },
          matched: [],
          overridden: [],
        }}
      />,
    );
    expect(
      screen.getByText(
        'superuser — role admin allows everything, via binding to admins (zhoffmann → admins)',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/resource permission on catalog-entity, action delete/),
    ).toBeInTheDocument();
  });

  it('shows the conditions of a conditional decision and the answer for the named entity', async () => {
    const decision: ExplainResponse = {
      result: 'CONDITIONAL',
      user: 'user:default/alice',
      permission: {
        name: 'catalog.entity.refresh',
        type: 'resource',
        resourceType: 'catalog-entity',
        action: 'update',
      },
      reason: "rule 1 of role 'developer' allows it for entities the user owns",
      semantics,
      policyVersion: 'c0ffee12',
      matched: [],
      overridden: [],
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: { claims: ['group:default/platform-team'] },
      },
      resource: {
        ref: 'component:default/petstore',
        allowed: false,
        reason: 'the entity meets none of the conditions',
      },
    };
    await renderInTestApp(<DecisionView decision={decision} />);
    expect(screen.getByText('CONDITIONAL')).toBeInTheDocument();
    expect(screen.getByText(/"rule": "IS_ENTITY_OWNER"/)).toBeInTheDocument();
    expect(
      screen.getByText(
        'For component:default/petstore: denied – the entity meets none of the conditions',
      ),
    ).toBeInTheDocument();
  });
});
