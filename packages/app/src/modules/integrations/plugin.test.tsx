import { renderTestApp } from '@backstage/frontend-test-utils';
import { configure, screen } from '@testing-library/react';
import { scmIntegrationsApiRef } from './api/apis';
import type { ScmIntegrationsApi } from './api/ScmIntegrationsClient';
import { healthyReport } from './__testUtils__/fixtures';
import { integrationsPlugin } from './plugin';

// A whole test app renders slowly on a busy machine.
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 10_000 });

describe('integrationsPlugin', () => {
  it('serves the Integrations page at /integrations', async () => {
    const api: ScmIntegrationsApi = {
      getHealth: jest.fn(async () => healthyReport),
      checkHealth: jest.fn(),
    };
    renderTestApp({
      features: [integrationsPlugin],
      apis: [[scmIntegrationsApiRef, api]],
      initialRouteEntries: ['/integrations'],
    });
    expect(
      await screen.findByText('GitHub · 127.0.0.1:5180'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Integrations' }),
    ).toBeInTheDocument();
  });
});
