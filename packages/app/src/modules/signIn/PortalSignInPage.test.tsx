import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  githubAuthApiRef,
  gitlabAuthApiRef,
  IdentityApi,
} from '@backstage/frontend-plugin-api';
import { guestAuthApiRef, ldapAuthApiRef, PortalAuthApi } from './apis';
import { PortalSession, SignInError } from './ldap/PasswordSessionClient';
import { PortalSignInPage, PROVIDER_STORAGE_KEY } from './PortalSignInPage';

function sessionFor(user: string, token = 't'): PortalSession {
  return {
    profile: { displayName: user, email: `${user}@example.com` },
    backstageIdentity: {
      token,
      identity: {
        type: 'user',
        userEntityRef: `user:default/${user}`,
        ownershipEntityRefs: [`user:default/${user}`, 'group:default/sre'],
      },
    },
  };
}

function fakeAuthApi(session?: PortalSession) {
  return {
    signInWithPassword: jest.fn(async () => sessionFor('lnowak')),
    restore: jest.fn(async () => session),
    getBackstageIdentity: jest.fn(async () => session?.backstageIdentity),
    getProfile: jest.fn(async () => session?.profile),
    signIn: jest.fn(),
    signOut: jest.fn(async () => undefined),
    sessionState$: jest.fn(),
  } as unknown as jest.Mocked<PortalAuthApi>;
}

/** githubAuthApiRef / gitlabAuthApiRef: the popup sign-in resolves with `session`, or fails with `error`. */
function fakeScmAuthApi(
  options: { session?: PortalSession; error?: Error } = {},
) {
  const { session, error } = options;
  return {
    getBackstageIdentity: jest.fn(async (opts?: { optional?: boolean }) => {
      if (opts?.optional) return undefined;
      if (error) throw error;
      return session?.backstageIdentity;
    }),
    getProfile: jest.fn(async () => session?.profile),
    getAccessToken: jest.fn(),
    signIn: jest.fn(),
    signOut: jest.fn(async () => undefined),
    sessionState$: jest.fn(),
  };
}

function popupError(name: string, message: string) {
  const error = new Error(message);
  error.name = name;
  return error;
}

async function renderPage(options: {
  ldap: jest.Mocked<PortalAuthApi>;
  guest: jest.Mocked<PortalAuthApi>;
  github?: ReturnType<typeof fakeScmAuthApi>;
  gitlab?: ReturnType<typeof fakeScmAuthApi>;
  providers?: string[];
}) {
  const onSignInSuccess = jest.fn<void, [IdentityApi]>();
  await renderInTestApp(
    <PortalSignInPage onSignInSuccess={onSignInSuccess} />,
    {
      config: {
        app: {
          title: 'Identity & Access Portal',
          ...(options.providers
            ? { signIn: { providers: options.providers } }
            : {}),
        },
      },
      apis: [
        [ldapAuthApiRef, options.ldap],
        [guestAuthApiRef, options.guest],
        [githubAuthApiRef, options.github ?? fakeScmAuthApi()],
        [gitlabAuthApiRef, options.gitlab ?? fakeScmAuthApi()],
      ] as any,
    },
  );
  return onSignInSuccess;
}

describe('PortalSignInPage', () => {
  beforeEach(() => localStorage.clear());

  it('offers every configured provider side by side', async () => {
    await renderPage({
      ldap: fakeAuthApi(),
      guest: fakeAuthApi(),
      providers: ['ldap', 'guest'],
    });
    expect(await screen.findByLabelText(/Username/)).toBeInTheDocument();
    expect(screen.getByLabelText(/Password/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByText('Guest')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Enter' })).toBeInTheDocument();
  });

  it('offers only LDAP without app.signIn.providers', async () => {
    await renderPage({ ldap: fakeAuthApi(), guest: fakeAuthApi() });
    expect(await screen.findByLabelText(/Username/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Enter' })).toBeNull();
  });

  it('signs in with the form, remembers LDAP, and signs out through the LDAP API', async () => {
    const ldap = fakeAuthApi(sessionFor('lnowak'));
    const onSignInSuccess = await renderPage({
      ldap,
      guest: fakeAuthApi(),
      providers: ['ldap', 'guest'],
    });

    await userEvent.type(await screen.findByLabelText(/Username/), 'lnowak');
    await userEvent.type(
      screen.getByLabelText(/Password/),
      'demo-łódź-tram{Enter}',
    );

    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    expect(localStorage.getItem(PROVIDER_STORAGE_KEY)).toBe('ldap');
    const identityApi = onSignInSuccess.mock.calls[0][0];
    await expect(identityApi.getBackstageIdentity()).resolves.toMatchObject({
      userEntityRef: 'user:default/lnowak',
      ownershipEntityRefs: ['user:default/lnowak', 'group:default/sre'],
    });
    await expect(identityApi.getCredentials()).resolves.toEqual({ token: 't' });
    await expect(identityApi.getProfileInfo()).resolves.toMatchObject({
      displayName: 'lnowak',
    });

    await identityApi.signOut();
    expect(ldap.signOut).toHaveBeenCalled();
    expect(localStorage.getItem(PROVIDER_STORAGE_KEY)).toBeNull();
  });

  it('restores the last LDAP session on load without showing the form', async () => {
    localStorage.setItem(PROVIDER_STORAGE_KEY, 'ldap');
    const ldap = fakeAuthApi(sessionFor('zhoffmann'));
    const guest = fakeAuthApi();
    const onSignInSuccess = await renderPage({
      ldap,
      guest,
      providers: ['ldap', 'guest'],
    });

    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    expect(ldap.restore).toHaveBeenCalledTimes(1);
    expect(guest.restore).not.toHaveBeenCalled();
    await expect(
      onSignInSuccess.mock.calls[0][0].getBackstageIdentity(),
    ).resolves.toMatchObject({ userEntityRef: 'user:default/zhoffmann' });
  });

  it('shows the page when the stored session is gone', async () => {
    localStorage.setItem(PROVIDER_STORAGE_KEY, 'ldap');
    const onSignInSuccess = await renderPage({
      ldap: fakeAuthApi(undefined),
      guest: fakeAuthApi(),
      providers: ['ldap', 'guest'],
    });
    expect(await screen.findByLabelText(/Username/)).toBeInTheDocument();
    expect(onSignInSuccess).not.toHaveBeenCalled();
    expect(localStorage.getItem(PROVIDER_STORAGE_KEY)).toBeNull();
  });

  it('does not restore from a provider that is no longer offered', async () => {
    localStorage.setItem(PROVIDER_STORAGE_KEY, 'guest');
    const guest = fakeAuthApi(sessionFor('guest'));
    const onSignInSuccess = await renderPage({
      ldap: fakeAuthApi(),
      guest,
      providers: ['ldap'],
    });
    expect(await screen.findByLabelText(/Username/)).toBeInTheDocument();
    expect(guest.restore).not.toHaveBeenCalled();
    expect(onSignInSuccess).not.toHaveBeenCalled();
  });

  it('enters as guest', async () => {
    const guest = fakeAuthApi(sessionFor('guest'));
    const onSignInSuccess = await renderPage({
      ldap: fakeAuthApi(),
      guest,
      providers: ['ldap', 'guest'],
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Enter' }));
    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    expect(localStorage.getItem(PROVIDER_STORAGE_KEY)).toBe('guest');
  });
});

describe('PortalSignInPage errors', () => {
  beforeEach(() => localStorage.clear());

  it('says when guest sign-in is not enabled in the backend', async () => {
    const guest = fakeAuthApi();
    guest.restore.mockRejectedValue(
      new SignInError(404, 'Unknown auth provider'),
    );
    const onSignInSuccess = await renderPage({
      ldap: fakeAuthApi(),
      guest,
      providers: ['ldap', 'guest'],
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Enter' }));
    expect(
      await screen.findByText(
        'Guest sign-in is not enabled in the portal backend',
      ),
    ).toBeInTheDocument();
    expect(onSignInSuccess).not.toHaveBeenCalled();
    expect(localStorage.getItem(PROVIDER_STORAGE_KEY)).toBeNull();
  });

  it('shows the page with a notice when restoring fails for another reason', async () => {
    localStorage.setItem(PROVIDER_STORAGE_KEY, 'ldap');
    const ldap = fakeAuthApi();
    ldap.restore.mockRejectedValue(
      new SignInError(503, 'The directory is unavailable; try again later'),
    );
    await renderPage({ ldap, guest: fakeAuthApi(), providers: ['ldap'] });
    expect(
      await screen.findByText(
        'Your session could not be restored: The directory is unavailable; try again later',
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/Username/)).toBeInTheDocument();
  });
});

describe('PortalSignInPage GitHub and GitLab buttons', () => {
  beforeEach(() => localStorage.clear());

  it('shows the GitHub and GitLab buttons only when listed, in the configured order', async () => {
    await renderPage({
      ldap: fakeAuthApi(),
      guest: fakeAuthApi(),
      providers: ['ldap', 'github', 'gitlab', 'guest'],
    });
    const buttons = await screen.findAllByRole('button');
    expect(buttons.map(b => b.textContent)).toEqual([
      'Sign in',
      'Sign in with GitHub',
      'Sign in with GitLab',
      'Enter',
    ]);
  });

  it('has no GitHub button when github is not listed', async () => {
    await renderPage({
      ldap: fakeAuthApi(),
      guest: fakeAuthApi(),
      providers: ['ldap', 'gitlab'],
    });
    expect(
      await screen.findByRole('button', { name: 'Sign in with GitLab' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Sign in with GitHub' }),
    ).toBeNull();
  });

  it('signs in through the GitHub popup, remembers GitHub and signs out through the GitHub API', async () => {
    const github = fakeScmAuthApi({ session: sessionFor('alice') });
    const onSignInSuccess = await renderPage({
      ldap: fakeAuthApi(),
      guest: fakeAuthApi(),
      github,
      providers: ['ldap', 'github'],
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Sign in with GitHub' }),
    );
    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    expect(github.getBackstageIdentity).toHaveBeenCalledWith({
      instantPopup: true,
    });
    expect(localStorage.getItem(PROVIDER_STORAGE_KEY)).toBe('github');
    const identityApi = onSignInSuccess.mock.calls[0][0];
    await expect(identityApi.getBackstageIdentity()).resolves.toMatchObject({
      userEntityRef: 'user:default/alice',
    });
    await identityApi.signOut();
    expect(github.signOut).toHaveBeenCalled();
    expect(localStorage.getItem(PROVIDER_STORAGE_KEY)).toBeNull();
  });

  it('shows the backend refusal sent to the popup', async () => {
    const gitlab = fakeScmAuthApi({
      error: popupError(
        'NotAllowedError',
        'No portal user matches this GitLab account. Ask your portal admin to add you to the organisation.',
      ),
    });
    const onSignInSuccess = await renderPage({
      ldap: fakeAuthApi(),
      guest: fakeAuthApi(),
      gitlab,
      providers: ['gitlab'],
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Sign in with GitLab' }),
    );
    expect(
      await screen.findByText(
        'No portal user matches this GitLab account. Ask your portal admin to add you to the organisation.',
      ),
    ).toBeInTheDocument();
    expect(onSignInSuccess).not.toHaveBeenCalled();
    expect(
      screen.getByRole('button', { name: 'Sign in with GitLab' }),
    ).toBeEnabled();
  });

  it.each([
    [
      'PopupClosedError',
      'Login failed, popup was closed',
      'GitHub sign-in was cancelled: the GitHub window was closed',
    ],
    [
      'PopupRejectedError',
      'Failed to open auth popup.',
      'The browser blocked the GitHub sign-in window; allow pop-ups for this site and try again',
    ],
  ])('explains a %s', async (name, message, shown) => {
    await renderPage({
      ldap: fakeAuthApi(),
      guest: fakeAuthApi(),
      github: fakeScmAuthApi({ error: popupError(name, message) }),
      providers: ['github'],
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Sign in with GitHub' }),
    );
    expect(await screen.findByText(shown)).toBeInTheDocument();
  });

  it('restores the last GitHub session on load without a popup', async () => {
    localStorage.setItem(PROVIDER_STORAGE_KEY, 'github');
    const github = fakeScmAuthApi();
    github.getBackstageIdentity.mockImplementation(
      async () => sessionFor('alice').backstageIdentity,
    );
    const onSignInSuccess = await renderPage({
      ldap: fakeAuthApi(),
      guest: fakeAuthApi(),
      github,
      providers: ['ldap', 'github'],
    });
    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    expect(github.getBackstageIdentity).toHaveBeenCalledWith({
      optional: true,
    });
  });
});
