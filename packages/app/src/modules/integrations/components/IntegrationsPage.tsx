import {
  Content,
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import { useApi } from '@backstage/frontend-plugin-api';
import Grid from '@material-ui/core/Grid';
import LockIcon from '@material-ui/icons/Lock';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { scmIntegrationsApiRef } from '../api/apis';
import { scmIntegrationsHealthReadPermission } from '@identity-portal/plugin-scm-integrations-common';
import { ConfigProblemsCard } from './ConfigProblemsCard';
import { HostCard } from './HostCard';
import { ReportSummary } from './ReportSummary';
import { useHealthReport } from './useHealthReport';

function isForbidden(error: Error): boolean {
  return (
    (error instanceof ResponseError && error.statusCode === 403) ||
    error.name === 'NotAllowedError'
  );
}

function NotPermitted() {
  return (
    <Alert severity="warning" icon={<LockIcon />}>
      <AlertTitle>You may not see the health of the integrations</AlertTitle>
      It shows which credentials the portal uses for GitHub, GitLab and other
      hosts, so it needs the permission{' '}
      <code>{scmIntegrationsHealthReadPermission.name}</code>. Ask a portal
      administrator for a role that allows it.
    </Alert>
  );
}

function NoIntegrations() {
  return (
    <EmptyState
      missing="data"
      title="No integrations are configured"
      description="Hosts under integrations: in app-config (GitHub, GitLab, Bitbucket, Azure DevOps) appear here with the health of their credentials."
    />
  );
}

/** The Integrations page: every integrations host with the health of its credentials, and config problems. */
export function IntegrationsPage() {
  const api = useApi(scmIntegrationsApiRef);
  const { report, loading, error, checking, checkError, checkNow } =
    useHealthReport(api);

  if (loading) return <Progress />;
  if (!report) {
    return (
      <Content>
        {error && isForbidden(error) ? (
          <NotPermitted />
        ) : (
          <ResponseErrorPanel error={error ?? new Error('No report')} />
        )}
      </Content>
    );
  }

  const now = new Date();
  const { problems } = report.config;
  return (
    <Content>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <ReportSummary
            report={report}
            now={now}
            checking={checking}
            onCheck={checkNow}
          />
        </Grid>
        {checkError && (
          <Grid item xs={12}>
            {isForbidden(checkError) ? (
              <NotPermitted />
            ) : (
              <ResponseErrorPanel error={checkError} />
            )}
          </Grid>
        )}
        {problems.length > 0 && (
          <Grid item xs={12}>
            <ConfigProblemsCard problems={problems} />
          </Grid>
        )}
        {report.hosts.length === 0 && problems.length === 0 && (
          <Grid item xs={12}>
            <NoIntegrations />
          </Grid>
        )}
        {report.hosts.map(host => (
          <Grid item xs={12} key={`${host.integrationType}:${host.host}`}>
            <HostCard host={host} now={now} />
          </Grid>
        ))}
      </Grid>
    </Content>
  );
}
