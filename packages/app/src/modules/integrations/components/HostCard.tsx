import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';
import type {
  HostHealth,
  IntegrationConsumer,
} from '@identity-portal/plugin-scm-integrations-common';
import { CredentialView } from './CredentialView';
import { hostStatus, integrationTypeTitle } from './format';
import { StatusBadge } from './StatusBadge';

/** A label above its value: reads well in a narrow column. */
function Fact(props: { label: string; children: ReactNode }) {
  return (
    <Box mb={2}>
      <Typography variant="overline" color="textSecondary" component="h3">
        {props.label}
      </Typography>
      <Typography variant="body2" component="div">
        {props.children}
      </Typography>
    </Box>
  );
}

function UsedBy({ consumers }: { consumers: IntegrationConsumer[] }) {
  if (consumers.length === 0) return <>nobody in this portal</>;
  return (
    <>
      {consumers.map(consumer => (
        <Box key={consumer.consumer} mb={1}>
          {consumer.description}
          <Typography
            variant="caption"
            color="textSecondary"
            component="div"
            style={{ overflowWrap: 'anywhere' }}
          >
            {consumer.consumer}
          </Typography>
        </Box>
      ))}
    </>
  );
}

function actForUserText(policy: HostHealth['actForUser']): string {
  return policy === 'allow'
    ? "Allowed: a user's own token is used when a caller passes one."
    : "Never: always the portal's service identity.";
}

function NoCredential({ used }: { used: boolean }) {
  return (
    <Typography variant="body1" color={used ? 'error' : 'textSecondary'}>
      {used
        ? 'No credential is configured, but this host is used: add a token or a GitHub App under integrations.'
        : 'No credential is configured: the portal reaches this host anonymously.'}
    </Typography>
  );
}

/**
 * One integrations host: type, host and API base URL in the header, who uses it, whether acting for the user is
 * allowed, and the health of each credential.
 */
export function HostCard({ host, now }: { host: HostHealth; now: Date }) {
  const type = integrationTypeTitle(host.integrationType);
  return (
    <section aria-label={`${type} ${host.host}`}>
      <InfoCard
        title={`${type} · ${host.host}`}
        subheader={`API ${host.apiBaseUrl ?? 'at the default URL'}`}
        action={<StatusBadge status={hostStatus(host)} />}
      >
        <Grid container spacing={3}>
          <Grid item xs={12} md={4}>
            <Fact label="Used by">
              <UsedBy consumers={host.usedBy} />
            </Fact>
            <Fact label="Acting for the user">
              {actForUserText(host.actForUser)}
            </Fact>
          </Grid>
          <Grid item xs={12} md={8}>
            {host.credentials.length === 0 ? (
              <NoCredential used={host.usedBy.length > 0} />
            ) : (
              host.credentials.map(credential => (
                <CredentialView
                  key={credential.id}
                  credential={credential}
                  now={now}
                />
              ))
            )}
          </Grid>
        </Grid>
      </InfoCard>
    </section>
  );
}
