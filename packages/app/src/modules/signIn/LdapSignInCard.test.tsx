import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { LdapSignInCard } from './LdapSignInCard';
import { PortalSession, SignInError } from './ldap/PasswordSessionClient';

const session: PortalSession = {
  profile: { displayName: 'Łukasz Nowak' },
  backstageIdentity: {
    token: 't',
    identity: {
      type: 'user',
      userEntityRef: 'user:default/lnowak',
      ownershipEntityRefs: ['user:default/lnowak'],
    },
  },
};

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function renderCard(
  signInWithPassword: jest.Mock,
  onSignedIn = jest.fn(),
) {
  await renderInTestApp(
    <LdapSignInCard authApi={{ signInWithPassword }} onSignedIn={onSignedIn} />,
  );
  return { onSignedIn };
}

describe('LdapSignInCard', () => {
  it('submits on Enter and is disabled while the request runs', async () => {
    const pending = deferred<PortalSession>();
    const signInWithPassword = jest.fn(() => pending.promise);
    const { onSignedIn } = await renderCard(signInWithPassword);

    await userEvent.type(screen.getByLabelText(/Username/), 'lnowak');
    await userEvent.type(
      screen.getByLabelText(/Password/),
      'demo-łódź-tram{Enter}',
    );

    expect(signInWithPassword).toHaveBeenCalledWith('lnowak', 'demo-łódź-tram');
    expect(screen.getByLabelText(/Username/)).toBeDisabled();
    expect(screen.getByLabelText(/Password/)).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Signing in…' })).toBeDisabled();

    pending.resolve(session);
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(session));
    expect(signInWithPassword).toHaveBeenCalledTimes(1);
  });

  it.each([
    [
      new SignInError(401, 'Invalid username or password'),
      'Invalid username or password',
    ],
    [
      new SignInError(429, 'Too many attempts', 30),
      'Too many attempts; try again in 30 seconds',
    ],
    [
      new SignInError(503, 'The directory is unavailable; try again later'),
      'The directory is unavailable; try again later',
    ],
  ])('shows a clear message for %s', async (error, message) => {
    const signInWithPassword = jest.fn().mockRejectedValue(error);
    const { onSignedIn } = await renderCard(signInWithPassword);

    await userEvent.type(screen.getByLabelText(/Username/), 'zhoffmann');
    await userEvent.type(screen.getByLabelText(/Password/), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(onSignedIn).not.toHaveBeenCalled();
    // Ready for the next attempt: enabled, password cleared and focused, username kept.
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    expect(screen.getByLabelText(/Password/)).toHaveValue('');
    expect(screen.getByLabelText(/Username/)).toHaveValue('zhoffmann');
    await waitFor(() =>
      expect(screen.getByLabelText(/Password/)).toHaveFocus(),
    );
  });

  it('asks for missing fields without calling the backend', async () => {
    const signInWithPassword = jest.fn();
    await renderCard(signInWithPassword);

    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Enter your username');
    expect(screen.getByLabelText(/Username/)).toHaveFocus();

    await userEvent.type(screen.getByLabelText(/Username/), 'zhoffmann{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('Enter your password');
    expect(screen.getByLabelText(/Password/)).toHaveFocus();
    expect(signInWithPassword).not.toHaveBeenCalled();
  });
});
