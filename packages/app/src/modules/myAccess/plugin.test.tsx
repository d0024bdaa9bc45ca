import { renderTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { configure, screen } from '@testing-library/react';
import { groupPolicyApiRef } from './api/apis';
import type { GroupPolicyApi } from './api/GroupPolicyClient';
import { aliceAccess, capabilities } from './__testUtils__/fixtures';
import { scmAccountsTestApis } from './__testUtils__/scmAccounts';
import { myAccessPlugin } from './plugin';

// A whole test app renders slowly on a busy machine.
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 10_000 });

describe('myAccessPlugin', () => {
  it('serves the My access page at /my-access', async () => {
    const api: GroupPolicyApi = {
      getAccess: jest.fn(async () => aliceAccess),
      getCapabilities: jest.fn(async () => capabilities),
      explain: jest.fn(),
      getWhoCan: jest.fn(),
    };
    renderTestApp({
      features: [myAccessPlugin],
      apis: [
        [groupPolicyApiRef, api],
        catalogApiMock(),
        ...scmAccountsTestApis(),
      ],
      initialRouteEntries: ['/my-access'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(await screen.findByText('Alice Andersson')).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'My access' }),
    ).toBeInTheDocument();
    expect(screen.getByText('May I …?')).toBeInTheDocument();
    expect(await screen.findByText('Your SCM accounts')).toBeInTheDocument();
  });
});
