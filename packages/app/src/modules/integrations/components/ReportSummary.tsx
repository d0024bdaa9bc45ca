import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import RefreshIcon from '@material-ui/icons/Refresh';
import type {
  CredentialStatus,
  HealthReport,
} from '@identity-portal/plugin-scm-integrations-common';
import { formatDateTime, formatRelative, hostStatus } from './format';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: theme.spacing(2),
  },
}));

const statusWords: Record<CredentialStatus, string> = {
  ok: 'OK',
  warning: 'with warnings',
  error: 'failing',
  unchecked: 'not checked',
};

/** `2 hosts: 1 OK, 1 failing`. */
export function summarize(report: HealthReport): string {
  const hosts = report.hosts.length;
  const counts = new Map<CredentialStatus, number>();
  for (const host of report.hosts) {
    const status = hostStatus(host);
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  const parts = (['ok', 'warning', 'error', 'unchecked'] as const)
    .filter(status => counts.has(status))
    .map(status => `${counts.get(status)} ${statusWords[status]}`);
  return `${hosts} host${hosts === 1 ? '' : 's'}${
    parts.length ? `: ${parts.join(', ')}` : ''
  }`;
}

/** When the report was made, how the hosts fare, and "Check now". */
export function ReportSummary(props: {
  report: HealthReport;
  now: Date;
  checking: boolean;
  onCheck: () => void;
}) {
  const { report, now, checking, onCheck } = props;
  const classes = useStyles();
  return (
    <Box className={classes.root}>
      <Box>
        <Typography variant="h6" component="h2">
          {summarize(report)}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          Checked{' '}
          <time dateTime={report.checkedAt} data-testid="checked-at">
            {formatDateTime(report.checkedAt)}
          </time>{' '}
          ({formatRelative(report.checkedAt, now)})
        </Typography>
      </Box>
      <Button
        variant="contained"
        color="primary"
        onClick={onCheck}
        disabled={checking}
        startIcon={
          checking ? (
            <CircularProgress size={16} color="inherit" />
          ) : (
            <RefreshIcon />
          )
        }
      >
        {checking ? 'Checking…' : 'Check now'}
      </Button>
    </Box>
  );
}
