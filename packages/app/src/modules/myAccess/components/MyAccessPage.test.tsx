import { NotAllowedError } from '@backstage/errors';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { groupPolicyApiRef } from '../api/apis';
import type { GroupPolicyApi } from '../api/GroupPolicyClient';
import type { MeResponse } from '../api/types';
import {
  adminAccess,
  aliceAccess,
  aliceMayRegister,
  bobAccess,
  bobMayNotRegister,
  capabilities,
  semantics,
  users,
  whoMayRegister,
} from '../__testUtils__/fixtures';
import { scmAccountsTestApis } from '../__testUtils__/scmAccounts';
import { MyAccessPage } from './MyAccessPage';

function policyApi(
  own: MeResponse,
  overrides: Partial<GroupPolicyApi> = {},
): jest.Mocked<GroupPolicyApi> {
  const api: GroupPolicyApi = {
    getAccess: jest.fn(async (user?: string) =>
      user === 'user:default/bob' ? bobAccess : own,
    ),
    getCapabilities: jest.fn(async () => capabilities),
    explain: jest.fn(async () => aliceMayRegister),
    getWhoCan: jest.fn(async () => whoMayRegister),
    ...overrides,
  };
  return api as jest.Mocked<GroupPolicyApi>;
}

async function renderPage(api: GroupPolicyApi) {
  await renderInTestApp(<MyAccessPage />, {
    apis: [
      [groupPolicyApiRef, api],
      catalogApiMock({ entities: users }),
      ...scmAccountsTestApis(),
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

const mayInspect = {
  user: 'user:default/zhoffmann',
  items: [
    {
      permission: 'permission.group-policy.inspect',
      result: 'ALLOW' as const,
      reason: "role 'admin' is a superuser role",
    },
  ],
};

/** The permission input (its suggestion list carries the same label). */
function findPermissionInput() {
  return screen.findByRole('textbox', { name: /^Permission/ });
}

// A full page with MUI tables renders slowly on a busy machine.
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 10_000 });

describe('MyAccessPage', () => {
  it('shows identity, groups with the path of inherited ones, roles with how each was obtained, and graph freshness', async () => {
    await renderPage(policyApi(aliceAccess));

    expect(await screen.findByText('Alice Andersson')).toBeInTheDocument();
    expect(screen.getByText('user:default/alice')).toBeInTheDocument();
    expect(
      screen.getByText(/loaded 2 minutes ago · 18 users · 9 groups/),
    ).toBeInTheDocument();

    expect(screen.getByText('Groups (2)')).toBeInTheDocument();
    expect(
      screen.getByText('alice → platform-team → engineering'),
    ).toBeInTheDocument();
    expect(screen.getByText('inherited')).toBeInTheDocument();
    expect(screen.getByText('direct')).toBeInTheDocument();

    expect(screen.getByText('Roles (2)')).toBeInTheDocument();
    expect(
      screen.getByText('via binding to platform-team (alice → platform-team)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'via catalog annotation on engineering (alice → platform-team → engineering)',
      ),
    ).toBeInTheDocument();

    expect(screen.getByText('c0ffee12')).toBeInTheDocument();

    // Without permission.group-policy.inspect (capabilities loaded): no user picker.
    await screen.findByText('rule 0 of role registrar allows it');
    expect(screen.queryByLabelText(/Explain for user/)).not.toBeInTheDocument();
    expect(screen.queryByText('Who can …?')).not.toBeInTheDocument();
  });

  it('answers "May I …?" with the decision, reason, winning rule, overridden rules and semantics', async () => {
    const api = policyApi(aliceAccess);
    await renderPage(api);

    const permission = await findPermissionInput();
    await userEvent.type(permission, 'catalog.location.create');
    await userEvent.type(
      screen.getByLabelText(/Resource/),
      'component:default/petstore',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Ask' }));

    const decision = await screen.findByTestId('decision');
    expect(api.explain).toHaveBeenCalledWith({
      user: undefined,
      permission: 'catalog.location.create',
      resourceRef: 'component:default/petstore',
    });
    expect(within(decision).getByText('ALLOW')).toBeInTheDocument();
    expect(
      within(decision).getByText(aliceMayRegister.reason),
    ).toBeInTheDocument();
    expect(
      within(decision).getByText(
        'allow catalog.location.create — role registrar, rule 0 (exact name), via binding to platform-team (alice → platform-team)',
      ),
    ).toBeInTheDocument();
    expect(within(decision).getByText('Overridden')).toBeInTheDocument();
    expect(
      within(decision).getByText(
        /^deny catalog\.location\.\* — role developer, rule 2 \(wildcard name\)/,
      ),
    ).toBeInTheDocument();
    expect(
      within(decision).getByText(`How rules combine: ${semantics}`),
    ).toBeInTheDocument();
  });

  it('suggests the permissions the policy knows', async () => {
    await renderPage(policyApi(aliceAccess));
    await userEvent.type(await findPermissionInput(), 'catalog.loc');
    expect(
      await screen.findByRole('option', { name: 'catalog.location.create' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('option', { name: 'catalog.entity.delete' }),
    ).not.toBeInTheDocument();
  });

  it('shows the backend error when the question cannot be answered', async () => {
    const api = policyApi(aliceAccess, {
      explain: jest.fn(async () => {
        throw new NotAllowedError('Unknown permission catalog.nope');
      }),
    });
    await renderPage(api);
    await userEvent.type(await findPermissionInput(), 'catalog.nope');
    await userEvent.click(screen.getByRole('button', { name: 'Ask' }));
    expect(
      (await screen.findAllByText(/Unknown permission catalog.nope/))[0],
    ).toBeInTheDocument();
  });

  it('lets an administrator explain for another user', async () => {
    const api = policyApi(adminAccess, {
      explain: jest.fn(async () => bobMayNotRegister),
      getCapabilities: jest.fn(async (user?: string) =>
        user ? capabilities : mayInspect,
      ),
    });
    await renderPage(api);

    const picker = await screen.findByLabelText(/Explain for user/);
    await userEvent.click(picker);
    await userEvent.click(
      await screen.findByRole('option', {
        name: 'Bob Brown (user:default/bob)',
      }),
    );

    await waitFor(() =>
      expect(api.getAccess).toHaveBeenCalledWith('user:default/bob'),
    );
    expect(api.getCapabilities).toHaveBeenCalledWith('user:default/bob');
    expect(await screen.findByText('bob → web')).toBeInTheDocument();
    expect(
      screen.getByText('via default role of every signed-in user'),
    ).toBeInTheDocument();
    expect(screen.getByText('May user:default/bob …?')).toBeInTheDocument();

    await userEvent.type(
      screen.getByRole('textbox', { name: /^Permission/ }),
      'catalog.location.create',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Ask' }));
    const decision = await screen.findByTestId('decision');
    expect(api.explain).toHaveBeenCalledWith({
      user: 'user:default/bob',
      permission: 'catalog.location.create',
      resourceRef: undefined,
    });
    expect(within(decision).getByText('DENY')).toBeInTheDocument();
    expect(
      within(decision).getByText(bobMayNotRegister.reason),
    ).toBeInTheDocument();
  });

  it('lists what the policy allows, with the reason for each decision', async () => {
    await renderPage(policyApi(aliceAccess));
    expect(
      await screen.findByText('What the policy allows'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('rule 0 of role registrar allows it'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('no rule of any role matches it'),
    ).toBeInTheDocument();
  });

  it('says when the user is unknown to the org graph and names undefined annotated roles', async () => {
    await renderPage(
      policyApi({
        ...aliceAccess,
        known: false,
        groups: [],
        roles: [],
        unknownRoles: ['release-manager'],
      }),
    );
    expect(
      await screen.findByText('Not in the org graph: only default roles apply'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /names roles the policy does not define: release-manager/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Not a member of any group.')).toBeInTheDocument();
    expect(
      screen.getByText('No roles: every permission is denied.'),
    ).toBeInTheDocument();
  });

  it('lets an administrator look up who can do something', async () => {
    const api = policyApi(adminAccess, {
      getCapabilities: jest.fn(async () => mayInspect),
    });
    await renderPage(api);

    await userEvent.type(
      await screen.findByRole('textbox', { name: /^Look up permission/ }),
      'catalog.location.create',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Look up' }));

    expect(api.getWhoCan).toHaveBeenCalledWith('catalog.location.create');
    expect(
      await screen.findByText('1 principals may catalog.location.create'),
    ).toBeInTheDocument();
    expect(screen.getByText('user:default/alice')).toBeInTheDocument();
    expect(
      screen.getByText(
        'role registrar, binding to platform-team (alice → platform-team)',
      ),
    ).toBeInTheDocument();
  });

  it('warns when the org graph is stale', async () => {
    await renderPage(
      policyApi({
        ...aliceAccess,
        graph: { ...aliceAccess.graph, stale: true, ageSeconds: 2400 },
      }),
    );
    expect(
      await screen.findByText('Warning: The org graph is stale'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Stale: loaded 40 minutes ago/),
    ).toBeInTheDocument();
  });

  it('says why the page cannot be shown when the policy does not answer', async () => {
    await renderPage(
      policyApi(aliceAccess, {
        getAccess: jest.fn(async () => {
          throw new Error('The group policy is not installed');
        }),
      }),
    );
    expect(
      (await screen.findAllByText(/The group policy is not installed/))[0],
    ).toBeInTheDocument();
  });
});
