import { useState } from 'react';
import {
  githubAuthApiRef,
  gitlabAuthApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { scmAccountsApiRef } from '../api/apis';
import type {
  ScmHost,
  ScmIdentityAnswer,
} from '@identity-portal/plugin-scm-integrations-common';
import {
  describeActingAs,
  describeConnectError,
  INTEGRATION_TITLES,
} from './scmAccountsFormat';
import { useLoad } from './useLoad';

/** The scope each sign-in provider's token needs for the host's "who am I" (`GET /user`). */
const USER_SCOPES = { github: ['read:user'], gitlab: ['read_user'] } as const;

function AnswerLine(props: { label: string; answer: ScmIdentityAnswer }) {
  const { label, answer } = props;
  if (answer.status === 'error') {
    return (
      <Typography variant="body2" color="error" component="span">
        {label}: {describeActingAs(answer.identity)} – {answer.message}
      </Typography>
    );
  }
  return (
    <Typography variant="body2" component="span">
      {label}: {describeActingAs(answer.identity, answer.login)}
    </Typography>
  );
}

/**
 * One integration host: as whom the portal acts for the user there without their account (asked of the host),
 * and a "Connect your … account" button that gets the user's own token through the sign-in provider's popup
 * and asks again with it.
 */
export function ScmAccountRow({ host }: { host: ScmHost }) {
  const api = useApi(scmAccountsApiRef);
  const authApis = {
    github: useApi(githubAuthApiRef),
    gitlab: useApi(gitlabAuthApiRef),
  };
  const service = useLoad(() => api.getIdentity(host.host), [host.host]);
  const [connecting, setConnecting] = useState(false);
  const [own, setOwn] = useState<ScmIdentityAnswer>();
  const [error, setError] = useState<string>();
  const title = INTEGRATION_TITLES[host.integrationType];
  const provider = host.actForUser === 'allow' && host.userTokenProvider;

  const connect = async () => {
    if (!provider) return;
    setConnecting(true);
    setError(undefined);
    try {
      const token = await authApis[provider].getAccessToken(
        [...USER_SCOPES[provider]],
        { instantPopup: true },
      );
      setOwn(await api.getIdentity(host.host, token));
    } catch (e) {
      setError(describeConnectError(e, INTEGRATION_TITLES[provider]));
    } finally {
      setConnecting(false);
    }
  };

  const actingAsYou = own?.status === 'ok' && own.identity.kind === 'user';
  return (
    <ListItem
      divider
      aria-label={`${title} ${host.host}`}
      style={{ flexWrap: 'wrap', gap: 8 }}
    >
      <ListItemText
        primary={
          <>
            <strong>{title}</strong> <code>{host.host}</code>
          </>
        }
        secondaryTypographyProps={{ component: 'div' }}
        secondary={
          <>
            <span style={{ display: 'block' }}>
              {service.loading && 'Asking the host…'}
              {service.error && (
                <Typography variant="body2" color="error" component="span">
                  Could not ask {host.host}: {service.error.message}
                </Typography>
              )}
              {service.value && (
                <AnswerLine
                  label="The portal acts for you here as"
                  answer={service.value}
                />
              )}
            </span>
            {own && (
              <span style={{ display: 'block' }}>
                {actingAsYou ? (
                  <Typography
                    variant="body2"
                    component="span"
                    color="primary"
                    data-testid="acting-as-you"
                  >
                    Acting as you: {own.login}
                  </Typography>
                ) : (
                  <AnswerLine label="With your account" answer={own} />
                )}
              </span>
            )}
            {host.actForUser === 'never' && (
              <span style={{ display: 'block' }}>
                The portal never acts as you on this host: it always uses its
                own identity.
              </span>
            )}
            {host.actForUser === 'allow' && !host.userTokenProvider && (
              <span style={{ display: 'block' }}>
                Connecting your account is not offered: no sign-in of this
                portal gives tokens for this host.
              </span>
            )}
            <span role="alert" style={{ display: 'block' }}>
              {error && (
                <Typography variant="body2" color="error" component="span">
                  {error}
                </Typography>
              )}
            </span>
          </>
        }
      />
      {provider && !actingAsYou && (
        <Button
          color="primary"
          variant="outlined"
          onClick={connect}
          disabled={connecting}
        >
          Connect your {INTEGRATION_TITLES[provider]} account
        </Button>
      )}
    </ListItem>
  );
}
