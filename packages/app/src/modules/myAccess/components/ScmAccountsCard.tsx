import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import List from '@material-ui/core/List';
import Typography from '@material-ui/core/Typography';
import { scmAccountsApiRef } from '../api/apis';
import { ScmAccountRow } from './ScmAccountRow';
import { useLoad } from './useLoad';

/**
 * "Your SCM accounts": for each integration host, as whom the portal acts for you there (its own service
 * identity, or you once you connect your account), asked of the host itself.
 */
export function ScmAccountsCard() {
  const api = useApi(scmAccountsApiRef);
  const hosts = useLoad(() => api.getHosts(), []);
  return (
    <InfoCard
      title="Your SCM accounts"
      subheader="Requests the portal makes to GitHub, GitLab and other hosts for you use its own identity, unless you connect your account."
    >
      {hosts.loading && <Progress />}
      {hosts.error && (
        <Typography variant="body2" color="error">
          The portal could not list its SCM hosts: {hosts.error.message}
        </Typography>
      )}
      {hosts.value?.length === 0 && (
        <Typography variant="body2">
          The portal has no SCM integrations.
        </Typography>
      )}
      {hosts.value && hosts.value.length > 0 && (
        <List dense>
          {hosts.value.map(host => (
            <ScmAccountRow key={host.host} host={host} />
          ))}
        </List>
      )}
    </InfoCard>
  );
}
