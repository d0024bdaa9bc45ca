import { ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  UserIdentity,
} from '@backstage/core-components';
import {
  BackstageIdentityApi,
  configApiRef,
  githubAuthApiRef,
  gitlabAuthApiRef,
  IdentityApi,
  ProfileInfoApi,
  SessionApi,
  useApi,
} from '@backstage/frontend-plugin-api';
import { SignInPageProps } from '@backstage/plugin-app-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { guestAuthApiRef, ldapAuthApiRef, PortalAuthApi } from './apis';
import { LdapSignInCard } from './LdapSignInCard';
import { PortalSession, SignInError } from './ldap/PasswordSessionClient';
import { describeScmSignInError, describeSignInError } from './messages';
import { ScmSignInCard } from './ScmSignInCard';
import { restoreScmSession, signInWithPopup } from './scm/scmSession';

/** The key core's SignInPage uses to remember the last provider, so that a reload restores it. */
export const PROVIDER_STORAGE_KEY = '@backstage/core:SignInPage:provider';

/** Sign-in providers the page can offer. */
export const SIGN_IN_PROVIDERS = ['ldap', 'github', 'gitlab', 'guest'] as const;
export type SignInProviderId = (typeof SIGN_IN_PROVIDERS)[number];

/** `app.signIn.providers` in its order (unknown ids ignored); without it, LDAP only (the production shape). */
export function enabledProviders(configApi: {
  getOptionalStringArray(key: string): string[] | undefined;
}): SignInProviderId[] {
  const configured = configApi.getOptionalStringArray('app.signIn.providers');
  if (!configured) return ['ldap'];
  const known = configured.filter((id): id is SignInProviderId =>
    (SIGN_IN_PROVIDERS as readonly string[]).includes(id),
  );
  return [...new Set(known)];
}

const useStyles = makeStyles({
  container: { padding: 0, listStyle: 'none' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    width: '100%',
    maxWidth: '400px',
    margin: 0,
    padding: 0,
  },
});

/** What every provider's auth API offers: the session's identity, profile and sign-out. */
type SessionAuthApi = ProfileInfoApi & BackstageIdentityApi & SessionApi;

const TITLES: Record<SignInProviderId, string> = {
  ldap: 'LDAP',
  github: 'GitHub',
  gitlab: 'GitLab',
  guest: 'Guest',
};

function toIdentityApi(
  providerId: SignInProviderId,
  authApi: SessionAuthApi,
  session: PortalSession,
): IdentityApi {
  const identity = UserIdentity.create({
    identity: session.backstageIdentity.identity,
    authApi,
    profile: session.profile,
  });
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    async signOut() {
      if (localStorage.getItem(PROVIDER_STORAGE_KEY) === providerId) {
        localStorage.removeItem(PROVIDER_STORAGE_KEY);
      }
      await identity.signOut();
    },
  };
}

function GuestSignInCard(props: { onEnter: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const enter = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await props.onEnter();
    } catch (e) {
      setError(describeSignInError(e, 'Guest'));
      setBusy(false);
    }
  };
  return (
    <InfoCard
      title="Guest"
      variant="fullHeight"
      actions={
        <Button
          color="primary"
          variant="outlined"
          onClick={enter}
          disabled={busy}
        >
          Enter
        </Button>
      }
    >
      <Typography variant="body1" style={{ whiteSpace: 'pre-line' }}>
        {
          'Enter as a Guest User.\nYou will not have a verified identity, meaning some features might be unavailable.'
        }
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

/**
 * The portal's sign-in page: every provider that `app.signIn.providers` enables, side by side (LDAP form,
 * GitHub and GitLab popup buttons, guest). On load it restores the last provider's session through its
 * `/refresh` route (the session cookie is httpOnly; the localStorage key only avoids a useless request).
 */
export function PortalSignInPage({ onSignInSuccess }: SignInPageProps) {
  const classes = useStyles();
  const configApi = useApi(configApiRef);
  const ldap: PortalAuthApi = useApi(ldapAuthApiRef);
  const guest: PortalAuthApi = useApi(guestAuthApiRef);
  const github = useApi(githubAuthApiRef);
  const gitlab = useApi(gitlabAuthApiRef);
  const apis: Record<SignInProviderId, SessionAuthApi> = {
    ldap,
    github,
    gitlab,
    guest,
  };
  const restore: Record<
    SignInProviderId,
    () => Promise<PortalSession | undefined>
  > = {
    ldap: () => ldap.restore(),
    github: () => restoreScmSession(github),
    gitlab: () => restoreScmSession(gitlab),
    guest: () => guest.restore(),
  };
  const providers = enabledProviders(configApi);
  const [restoring, setRestoring] = useState(true);
  const [notice, setNotice] = useState<string>();
  const signedIn = useRef(false);

  const complete = useCallback(
    (providerId: SignInProviderId, session: PortalSession) => {
      if (signedIn.current) return;
      signedIn.current = true;
      localStorage.setItem(PROVIDER_STORAGE_KEY, providerId);
      onSignInSuccess(toIdentityApi(providerId, apis[providerId], session));
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [onSignInSuccess],
  );

  useEffect(() => {
    const stored = localStorage.getItem(PROVIDER_STORAGE_KEY);
    const providerId = providers.find(id => id === stored);
    if (!providerId) {
      setRestoring(false);
      return undefined;
    }
    let cancelled = false;
    restore[providerId]()
      .then(session => {
        if (cancelled) return;
        if (session) {
          complete(providerId, session);
        } else {
          localStorage.removeItem(PROVIDER_STORAGE_KEY);
          setRestoring(false);
        }
      })
      .catch(error => {
        if (cancelled) return;
        localStorage.removeItem(PROVIDER_STORAGE_KEY);
        setNotice(
          `Your session could not be restored: ${
            providerId === 'github' || providerId === 'gitlab'
              ? describeScmSignInError(error, TITLES[providerId])
              : describeSignInError(
                  error,
                  providerId === 'ldap' ? 'LDAP' : 'Guest',
                )
          }`,
        );
        setRestoring(false);
      });
    return () => {
      cancelled = true;
    };
    // Once, on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (restoring) {
    return <Progress />;
  }

  const cards: Record<SignInProviderId, ReactNode> = {
    ldap: (
      <LdapSignInCard
        authApi={ldap}
        onSignedIn={session => complete('ldap', session)}
      />
    ),
    github: (
      <ScmSignInCard
        title={TITLES.github}
        signIn={() => signInWithPopup(github)}
        onSignedIn={session => complete('github', session)}
      />
    ),
    gitlab: (
      <ScmSignInCard
        title={TITLES.gitlab}
        signIn={() => signInWithPopup(gitlab)}
        onSignedIn={session => complete('gitlab', session)}
      />
    ),
    guest: (
      <GuestSignInCard
        onEnter={async () => {
          const session = await guest.restore();
          if (!session) {
            throw new SignInError(401, 'Guest sign-in was refused');
          }
          complete('guest', session);
        }}
      />
    ),
  };

  return (
    <Page themeId="home">
      <Header title={configApi.getString('app.title')} />
      <Content>
        {notice && (
          <Typography variant="body1" color="error" role="status" paragraph>
            {notice}
          </Typography>
        )}
        {providers.length === 0 && (
          <Typography variant="body1" paragraph>
            No sign-in provider is enabled: set app.signIn.providers.
          </Typography>
        )}
        <Grid
          container
          spacing={2}
          component="ul"
          classes={{ container: classes.container }}
        >
          {providers.map(id => (
            <Grid key={id} component="li" item classes={{ item: classes.item }}>
              {cards[id]}
            </Grid>
          ))}
        </Grid>
      </Content>
    </Page>
  );
}
