import { StructuredMetadataTable } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { CredentialHealth } from '@identity-portal/plugin-scm-integrations-common';
import {
  credentialKindTitle,
  formatDateTime,
  formatExpiry,
  formatRateLimit,
  formatRelative,
} from './format';
import { ScopesView } from './ScopesView';
import { StatusBadge } from './StatusBadge';

const useStyles = makeStyles(theme => ({
  root: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(1.5, 2),
    '& + &': { marginTop: theme.spacing(2) },
  },
  heading: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: theme.spacing(1),
  },
  message: { margin: theme.spacing(0.5, 0, 1), overflowWrap: 'anywhere' },
}));

const sameKey = (key: string) => key;

/** One credential of a host: whether it works, as whom, with which scopes, how much rate limit is left, until when. */
export function CredentialView(props: {
  credential: CredentialHealth;
  now: Date;
}) {
  const { credential, now } = props;
  const classes = useStyles();
  const metadata: Record<string, unknown> = {
    'Acts as': credential.login ?? 'unknown',
  };
  if (credential.scopes) {
    metadata.Scopes = <ScopesView scopes={credential.scopes} />;
  }
  metadata['Rate limit'] = credential.rateLimit
    ? formatRateLimit(credential.rateLimit, now)
    : 'unknown';
  metadata.Expires = formatExpiry(credential.expiresAt, now);
  metadata.Checked = `${formatDateTime(credential.checkedAt)} (${formatRelative(
    credential.checkedAt,
    now,
  )}, ${credential.durationMs} ms)`;

  return (
    <Box
      className={classes.root}
      data-testid={`credential-${credential.id}`}
      aria-label={`${credentialKindTitle(credential.kind)} ${credential.label}`}
      role="group"
    >
      <div className={classes.heading}>
        <StatusBadge status={credential.status} />
        <Typography variant="subtitle1" component="h3">
          {credentialKindTitle(credential.kind)}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {credential.label}
        </Typography>
      </div>
      <Typography
        variant="body1"
        className={classes.message}
        color={credential.status === 'error' ? 'error' : 'textPrimary'}
      >
        {credential.message}
      </Typography>
      <StructuredMetadataTable
        dense
        metadata={metadata}
        options={{ titleFormat: sameKey }}
      />
    </Box>
  );
}
