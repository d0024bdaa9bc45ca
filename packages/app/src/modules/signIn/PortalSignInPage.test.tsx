import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { IdentityApi } from '@backstage/frontend-plugin-api';
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

async function renderPage(options: {
  ldap: jest.Mocked<PortalAuthApi>;
  guest: jest.Mocked<PortalAuthApi>;
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
      ],
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
