import { useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { PortalSession } from './ldap/PasswordSessionClient';
import { describeScmSignInError } from './messages';

export type ScmSignInCardProps = {
  /** `GitHub` or `GitLab`. */
  title: string;
  /** Opens the provider's sign-in popup; resolves with the portal session. */
  signIn: () => Promise<PortalSession>;
  /** Called once with the new session after a successful sign-in. */
  onSignedIn: (session: PortalSession) => void;
};

/**
 * A "Sign in with GitHub/GitLab" button. The provider's consent page opens in a popup; a refused
 * sign-in (no portal user for the account, window closed or blocked) is announced on the card.
 */
export function ScmSignInCard({
  title,
  signIn,
  onSignedIn,
}: ScmSignInCardProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const start = async () => {
    setBusy(true);
    setError(undefined);
    let session: PortalSession;
    try {
      session = await signIn();
    } catch (e) {
      setError(describeScmSignInError(e, title));
      setBusy(false);
      return;
    }
    onSignedIn(session);
  };
  return (
    <InfoCard
      title={title}
      variant="fullHeight"
      actions={
        <Button
          color="primary"
          variant="outlined"
          onClick={start}
          disabled={busy}
        >
          Sign in with {title}
        </Button>
      }
    >
      <Typography variant="body1">
        Sign in with your {title} account. It must belong to a person in the
        portal&apos;s organisation.
      </Typography>
      <div role="alert">
        {error && (
          <Typography variant="body2" color="error">
            {error}
          </Typography>
        )}
      </div>
    </InfoCard>
  );
}
