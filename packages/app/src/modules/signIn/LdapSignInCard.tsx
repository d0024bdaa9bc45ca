import { FormEvent, useRef, useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { PortalAuthApi } from './apis';
import { describeSignInError } from './messages';
import { PortalSession } from './ldap/PasswordSessionClient';

export type LdapSignInCardProps = {
  authApi: Pick<PortalAuthApi, 'signInWithPassword'>;
  /** Called once with the new session after a successful sign-in. */
  onSignedIn: (session: PortalSession) => void | Promise<void>;
};

/**
 * The LDAP username/password form. Enter submits; the fields and the button are disabled while the
 * request runs; a failure is announced (role=alert) and focus returns to the password field.
 */
export function LdapSignInCard({ authApi, onSignedIn }: LdapSignInCardProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!username.trim()) {
      setError('Enter your username');
      usernameRef.current?.focus();
      return;
    }
    if (!password) {
      setError('Enter your password');
      passwordRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    let session: PortalSession;
    try {
      session = await authApi.signInWithPassword(username.trim(), password);
    } catch (e) {
      setBusy(false);
      setPassword('');
      setError(describeSignInError(e));
      // Refocus after React re-enables the field.
      setTimeout(() => passwordRef.current?.focus(), 0);
      return;
    }
    setPassword('');
    await onSignedIn(session);
  };

  return (
    <InfoCard
      title="Company account"
      subheader="Sign in with your LDAP username and password"
      variant="fullHeight"
    >
      <form onSubmit={submit} noValidate aria-label="LDAP sign-in">
        <TextField
          id="ldap-username"
          name="username"
          label="Username"
          value={username}
          onChange={e => setUsername(e.target.value)}
          inputRef={usernameRef}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          fullWidth
          margin="normal"
          variant="outlined"
          disabled={busy}
          inputProps={{ maxLength: 256 }}
        />
        <TextField
          id="ldap-password"
          name="password"
          label="Password"
          type="password"
          value={password}
          onChange={e => setPassword(e.target.value)}
          inputRef={passwordRef}
          autoComplete="current-password"
          required
          fullWidth
          margin="normal"
          variant="outlined"
          disabled={busy}
          inputProps={{ maxLength: 1024 }}
        />
        <div role="alert" aria-live="assertive">
          {error && (
            <Typography
              variant="body2"
              color="error"
              data-testid="ldap-sign-in-error"
            >
              {error}
            </Typography>
          )}
        </div>
        <Button
          type="submit"
          color="primary"
          variant="contained"
          disabled={busy}
          style={{ marginTop: 16 }}
        >
          {busy ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
    </InfoCard>
  );
}
