import { renderInTestApp } from '@backstage/frontend-test-utils';
import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { scmAccountsApiRef } from '../api/apis';
import type { ScmAccountsApi } from '../api/ScmAccountsClient';
import {
  ALICE_GITHUB_TOKEN,
  GITHUB_HOST,
  GITLAB_HOST,
  scmAccountsApiMock,
  scmAuthApiMocks,
} from '../__testUtils__/scmAccounts';
import { ScmAccountsCard } from './ScmAccountsCard';

jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 10_000 });

async function renderCard(
  api: ScmAccountsApi,
  auth = scmAuthApiMocks(),
): Promise<void> {
  await renderInTestApp(<ScmAccountsCard />, {
    apis: [[scmAccountsApiRef, api], ...auth.apis],
  });
}

const row = (name: string) => screen.findByRole('listitem', { name });

describe('ScmAccountsCard', () => {
  it('shows as whom the portal acts on each host, and offers to connect only where it may act for you', async () => {
    const api = scmAccountsApiMock();
    await renderCard(api);

    const github = await row(`GitHub ${GITHUB_HOST}`);
    expect(
      await within(github).findByText(
        "The portal acts for you here as: the portal's personal access token (zoe-hoffmann)",
      ),
    ).toBeInTheDocument();
    expect(
      within(github).getByRole('button', {
        name: 'Connect your GitHub account',
      }),
    ).toBeEnabled();

    const gitlab = await row(`GitLab ${GITLAB_HOST}`);
    expect(
      await within(gitlab).findByText(
        "The portal acts for you here as: the portal's GitLab token (identity-portal-bot)",
      ),
    ).toBeInTheDocument();
    expect(
      within(gitlab).getByText(
        'The portal never acts as you on this host: it always uses its own identity.',
      ),
    ).toBeInTheDocument();
    expect(within(gitlab).queryByRole('button')).not.toBeInTheDocument();
    expect(api.getIdentity).toHaveBeenCalledWith(GITHUB_HOST);
    expect(api.getIdentity).toHaveBeenCalledWith(GITLAB_HOST);
  });

  it("connects the user's GitHub account through the sign-in popup and then acts as them", async () => {
    const api = scmAccountsApiMock();
    const auth = scmAuthApiMocks();
    await renderCard(api, auth);

    const github = await row(`GitHub ${GITHUB_HOST}`);
    await userEvent.click(
      within(github).getByRole('button', {
        name: 'Connect your GitHub account',
      }),
    );
    expect(
      await within(github).findByText('Acting as you: alice-andersson'),
    ).toBeInTheDocument();
    expect(auth.getAccessToken).toHaveBeenCalledWith(['read:user'], {
      instantPopup: true,
    });
    expect(api.getIdentity).toHaveBeenLastCalledWith(
      GITHUB_HOST,
      ALICE_GITHUB_TOKEN,
    );
    // The difference stays visible, and there is nothing left to connect.
    expect(
      within(github).getByText(
        "The portal acts for you here as: the portal's personal access token (zoe-hoffmann)",
      ),
    ).toBeInTheDocument();
    expect(within(github).queryByRole('button')).not.toBeInTheDocument();
  });

  it('says why connecting failed: a closed window, or a token the host refused', async () => {
    const closed = Object.assign(new Error('Login failed, popup was closed'), {
      name: 'PopupClosedError',
    });
    await renderCard(scmAccountsApiMock(), scmAuthApiMocks({ error: closed }));
    const github = await row(`GitHub ${GITHUB_HOST}`);
    await userEvent.click(
      within(github).getByRole('button', {
        name: 'Connect your GitHub account',
      }),
    );
    expect(await within(github).findByRole('alert')).toHaveTextContent(
      'Connecting your GitHub account was cancelled: the GitHub window was closed',
    );
    expect(
      within(github).getByRole('button', {
        name: 'Connect your GitHub account',
      }),
    ).toBeEnabled();
  });

  it('shows the refusal of a user token by the host', async () => {
    const api = scmAccountsApiMock();
    api.getIdentity.mockImplementation(async (host, token) =>
      token
        ? {
            identity: { kind: 'user', host, integrationType: 'github' },
            status: 'error',
            message: `401: your token was refused by ${host}`,
          }
        : {
            identity: {
              kind: 'service',
              host,
              integrationType: 'github',
              credential: 'personal-access-token',
            },
            login: 'zoe-hoffmann',
            status: 'ok',
            message: '',
          },
    );
    await renderCard(api);
    const github = await row(`GitHub ${GITHUB_HOST}`);
    await userEvent.click(
      within(github).getByRole('button', {
        name: 'Connect your GitHub account',
      }),
    );
    expect(
      await within(github).findByText(
        `With your account: you – 401: your token was refused by ${GITHUB_HOST}`,
      ),
    ).toBeInTheDocument();
  });

  it('says when the hosts cannot be listed', async () => {
    await renderCard(
      scmAccountsApiMock({
        getHosts: jest.fn(async () => {
          throw new Error('503 Service Unavailable');
        }),
      }),
    );
    expect(
      await screen.findByText(
        'The portal could not list its SCM hosts: 503 Service Unavailable',
      ),
    ).toBeInTheDocument();
  });
});
