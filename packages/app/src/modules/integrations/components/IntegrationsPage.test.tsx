import { ResponseError } from '@backstage/errors';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { scmIntegrationsApiRef } from '../api/apis';
import type { ScmIntegrationsApi } from '../api/ScmIntegrationsClient';
import type { HealthReport } from '@identity-portal/plugin-scm-integrations-common';
import {
  emptyReport,
  failingReport,
  healthyReport,
} from '../__testUtils__/fixtures';
import { IntegrationsPage } from './IntegrationsPage';

// A full page with MUI components renders slowly on a busy machine.
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 10_000 });

function healthApi(
  report: HealthReport,
  overrides: Partial<ScmIntegrationsApi> = {},
): jest.Mocked<ScmIntegrationsApi> {
  return {
    getHealth: jest.fn(async () => report),
    checkHealth: jest.fn(async () => report),
    ...overrides,
  } as jest.Mocked<ScmIntegrationsApi>;
}

async function renderPage(api: ScmIntegrationsApi) {
  await renderInTestApp(<IntegrationsPage />, {
    apis: [[scmIntegrationsApiRef, api]],
  });
}

function hostSection(name: string) {
  return screen.findByRole('region', { name });
}

async function forbidden(): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'NotAllowedError', message: 'Unauthorized' },
        response: { statusCode: 403 },
      }),
      { status: 403, headers: { 'Content-Type': 'application/json' } },
    ) as Response & { status: 403 },
  );
}

describe('IntegrationsPage', () => {
  it('shows each host with its type, API URL, users, act-for-user policy and working credentials', async () => {
    await renderPage(healthApi(healthyReport));

    const github = within(await hostSection('GitHub 127.0.0.1:5180'));
    expect(github.getByText('GitHub · 127.0.0.1:5180')).toBeInTheDocument();
    expect(
      github.getByText('API http://127.0.0.1:5180/api/v3'),
    ).toBeInTheDocument();
    expect(
      github.getByText('org sync: members and teams of example-corp'),
    ).toBeInTheDocument();
    expect(
      github.getByText(/^Allowed: a user's own token/),
    ).toBeInTheDocument();
    const token = within(github.getByTestId('credential-token'));
    expect(token.getByText('Personal access token')).toBeInTheDocument();
    expect(token.getByText('personal access token …f00d')).toBeInTheDocument();
    expect(token.getByText('OK')).toBeInTheDocument();
    expect(token.getByText('works as octo-alice')).toBeInTheDocument();
    expect(token.getByText('octo-alice')).toBeInTheDocument();
    expect(token.getByText('never')).toBeInTheDocument();
    expect(token.getByText(/^4,990 of 5,000 left/)).toBeInTheDocument();
    expect(token.queryByTestId('missing-scope')).not.toBeInTheDocument();

    const gitlab = within(await hostSection('GitLab 127.0.0.1:5181'));
    expect(gitlab.getByText('works as root-bob')).toBeInTheDocument();
    expect(
      gitlab.getByText(/^Never: always the portal's service/),
    ).toBeInTheDocument();

    expect(screen.getByText('2 hosts: 2 OK')).toBeInTheDocument();
    expect(screen.getByTestId('checked-at')).toHaveAttribute(
      'datetime',
      healthyReport.checkedAt,
    );
    expect(
      screen.queryByText('Configuration problems'),
    ).not.toBeInTheDocument();
  });

  it('shows a failing credential as an error, config problems with their keys, and missing scopes as missing', async () => {
    await renderPage(healthApi(failingReport));

    const github = within(await hostSection('GitHub 127.0.0.1:5180'));
    const token = within(github.getByTestId('credential-token'));
    expect(token.getByText('Error')).toBeInTheDocument();
    expect(
      token.getByText('401: token revoked or invalid'),
    ).toBeInTheDocument();
    // as whom, rate limit and expiry: a refused call tells none of them
    expect(token.getAllByText('unknown')).toHaveLength(3);

    const gitlab = within(await hostSection('GitLab 127.0.0.1:5181'));
    const gitlabToken = within(gitlab.getByTestId('credential-token'));
    expect(gitlabToken.getByText('Warning')).toBeInTheDocument();
    expect(gitlabToken.getByTestId('missing-scope')).toHaveTextContent(
      'read_api missing',
    );
    expect(gitlabToken.getByText(/^12 of 600 left$/)).toBeInTheDocument();

    expect(screen.getByText('Configuration problems')).toBeInTheDocument();
    expect(screen.getByText('1 error, 1 warning')).toBeInTheDocument();
    expect(screen.getByText('integrations.github[1].host')).toBeInTheDocument();
    expect(
      screen.getByText(
        'host 127.0.0.1:5180 is configured twice (also integrations.github[0].host)',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('2 hosts: 1 with warnings, 1 failing'),
    ).toBeInTheDocument();
  });

  it('runs a check on "Check now" and shows the new report and its time', async () => {
    const api = healthApi(healthyReport, {
      checkHealth: jest.fn(async () => failingReport),
    });
    await renderPage(api);
    expect(await screen.findByText('2 hosts: 2 OK')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Check now' }));

    expect(
      await screen.findByText('401: token revoked or invalid'),
    ).toBeInTheDocument();
    expect(api.checkHealth).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('checked-at')).toHaveAttribute(
      'datetime',
      failingReport.checkedAt,
    );
  });

  it('keeps the last report and shows the error when a check fails', async () => {
    await renderPage(
      healthApi(healthyReport, {
        checkHealth: jest.fn(async () => {
          throw new Error('backend unreachable');
        }),
      }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Check now' }),
    );
    expect(
      await screen.findByText('Error: backend unreachable'),
    ).toBeInTheDocument();
    expect(screen.getByText('2 hosts: 2 OK')).toBeInTheDocument();
  });

  it('explains a refusal (403) instead of showing an error', async () => {
    const error = await forbidden();
    await renderPage(
      healthApi(healthyReport, {
        getHealth: jest.fn(async () => {
          throw error;
        }),
      }),
    );
    expect(
      await screen.findByText('You may not see the health of the integrations'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('scm-integrations.health.read'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Check now' }),
    ).not.toBeInTheDocument();
  });

  it('says so when no integration is configured', async () => {
    await renderPage(healthApi(emptyReport));
    expect(
      await screen.findByText('No integrations are configured'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByText('0 hosts')).toBeInTheDocument(),
    );
  });
});
