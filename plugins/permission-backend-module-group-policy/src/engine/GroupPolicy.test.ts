import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { OrgGraph } from '../graph/OrgGraph';
import {
  orgEntities,
  permissions as p,
  policyConfig,
} from '../__testUtils__/fixtures';
import { GroupPolicy } from './GroupPolicy';
import { PolicyEngine } from './PolicyEngine';

const graph = OrgGraph.fromEntities(orgEntities);
const user = (ref: string) => ({
  credentials: mockCredentials.user(ref),
  info: { userEntityRef: ref, ownershipEntityRefs: [ref] },
});

function setup(usable: () => Promise<any> = async () => ({ graph })) {
  const auditor = mockServices.auditor.mock();
  const success = jest.fn();
  auditor.createEvent.mockResolvedValue({ success, fail: jest.fn() });
  const policy = new GroupPolicy({
    engine: new PolicyEngine(policyConfig()),
    graph: usable,
    auditor,
  });
  return { policy, auditor };
}

describe('GroupPolicy', () => {
  it('returns allow, deny and catalog conditional decisions', async () => {
    const { policy } = setup();
    expect(
      await policy.handle(
        { permission: p.locationCreate },
        user('user:default/alice'),
      ),
    ).toEqual({
      result: 'ALLOW',
    });
    expect(
      await policy.handle(
        { permission: p.locationCreate },
        user('user:default/bob'),
      ),
    ).toEqual({
      result: 'DENY',
    });
    expect(
      await policy.handle(
        { permission: p.entityRefresh },
        user('user:default/bob'),
      ),
    ).toMatchObject({
      result: 'CONDITIONAL',
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: { rule: 'IS_ENTITY_OWNER' },
    });
  });

  it('audits a deny once per user and permission, and never an allow', async () => {
    const { policy, auditor } = setup();
    await policy.handle(
      { permission: p.locationCreate },
      user('user:default/bob'),
    );
    await policy.handle(
      { permission: p.locationCreate },
      user('user:default/bob'),
    );
    await policy.handle({ permission: p.entityRead }, user('user:default/bob'));
    expect(auditor.createEvent).toHaveBeenCalledTimes(1);
    expect(auditor.createEvent).toHaveBeenCalledWith({
      eventId: 'permission-denied',
      severityLevel: 'low',
      meta: {
        principal: 'user:default/bob',
        permission: 'catalog.location.create',
        decision: 'DENY',
        reason:
          "no rule of user:default/bob's roles (developer) matches catalog.location.create; anything unmatched is denied",
      },
    });
  });

  it('denies, with the reason audited, when there is no usable org graph — even for admins', async () => {
    const { policy, auditor } = setup(async () => ({
      reason:
        'the org graph could not be loaded from the catalog (Error: down), so every decision is deny',
    }));
    expect(
      await policy.handle(
        { permission: p.entityRead },
        user('user:default/root'),
      ),
    ).toEqual({
      result: 'DENY',
    });
    expect(auditor.createEvent.mock.calls[0][0].meta).toMatchObject({
      reason:
        'the org graph could not be loaded from the catalog (Error: down), so every decision is deny',
    });
  });

  it('denies requests without a user', async () => {
    const { policy } = setup();
    expect(await policy.handle({ permission: p.entityRead })).toEqual({
      result: 'DENY',
    });
  });
});
