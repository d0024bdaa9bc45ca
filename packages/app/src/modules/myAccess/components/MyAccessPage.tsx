import {
  Content,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Grid from '@material-ui/core/Grid';
import { useState } from 'react';
import { groupPolicyApiRef } from '../api/apis';
import { CapabilitiesCard, CapabilitiesUnavailable } from './CapabilitiesCard';
import { GroupsCard } from './GroupsCard';
import { IdentityCard } from './IdentityCard';
import { MayICard } from './MayICard';
import { RolesCard } from './RolesCard';
import { ScmAccountsCard } from './ScmAccountsCard';
import { UserPicker } from './UserPicker';
import { WhoCanCard } from './WhoCanCard';
import { useLoad } from './useLoad';

/** The permission the group policy requires to ask about someone else (administrators hold it). */
export const INSPECT_PERMISSION = 'permission.group-policy.inspect';

/** Loads `load(undefined)` once for the signed-in user, and `load(user)` whenever another user is chosen. */
function useSelfAndOther<T>(
  load: (user?: string) => Promise<T>,
  user: string | undefined,
) {
  const self = useLoad(() => load(), []);
  const other = useLoad(
    () => (user ? load(user) : Promise.resolve(undefined)),
    [user],
  );
  return { self, viewed: user ? other : self };
}

function useAccess(user: string | undefined) {
  const api = useApi(groupPolicyApiRef);
  const access = useSelfAndOther(u => api.getAccess(u), user);
  const capabilities = useSelfAndOther(u => api.getCapabilities(u), user);
  const mayInspect = Boolean(
    capabilities.self.value?.items.some(
      item => item.permission === INSPECT_PERMISSION && item.result === 'ALLOW',
    ),
  );
  return {
    own: access.self,
    viewed: access.viewed,
    capabilities: capabilities.viewed,
    mayInspect,
  };
}

/**
 * The My access page: who I am to the permission policy, what I may do, and why; and, for myself only, as whom
 * the portal acts for me on each SCM host.
 */
export function MyAccessPage() {
  const [user, setUser] = useState<string | undefined>();
  const { own, viewed, capabilities, mayInspect } = useAccess(user);

  if (own.loading) return <Progress />;
  if (own.error) {
    return (
      <Content>
        <ResponseErrorPanel error={own.error} />
      </Content>
    );
  }

  const suggestions = (capabilities.value?.items ?? []).map(
    item => item.permission,
  );

  return (
    <Content>
      <Grid container spacing={3}>
        {mayInspect && (
          <Grid item xs={12}>
            <UserPicker value={user} onChange={setUser} />
          </Grid>
        )}
        {viewed.loading && (
          <Grid item xs={12}>
            <Progress />
          </Grid>
        )}
        {viewed.error && (
          <Grid item xs={12}>
            <ResponseErrorPanel error={viewed.error} />
          </Grid>
        )}
        {viewed.value?.graph.stale && (
          <Grid item xs={12}>
            <WarningPanel
              severity="warning"
              title="The org graph is stale"
              message="The catalog could not be read recently; decisions use the last good graph until the staleness bound, then deny."
            />
          </Grid>
        )}
        {viewed.value && (
          <>
            <Grid item xs={12} md={6}>
              <IdentityCard me={viewed.value} />
            </Grid>
            <Grid item xs={12} md={6}>
              <MayICard user={user} suggestions={suggestions} />
            </Grid>
            <Grid item xs={12} md={6}>
              <RolesCard
                roles={viewed.value.roles}
                unknownRoles={viewed.value.unknownRoles}
              />
            </Grid>
            <Grid item xs={12} md={6}>
              <GroupsCard groups={viewed.value.groups} />
            </Grid>
          </>
        )}
        {!user && (
          <Grid item xs={12}>
            <ScmAccountsCard />
          </Grid>
        )}
        {mayInspect && (
          <Grid item xs={12}>
            <WhoCanCard suggestions={suggestions} />
          </Grid>
        )}
        <Grid item xs={12}>
          {capabilities.error ? (
            <CapabilitiesUnavailable
              message={`The policy could not list what is allowed: ${capabilities.error.message}`}
            />
          ) : (
            <CapabilitiesCard items={capabilities.value?.items ?? []} />
          )}
        </Grid>
      </Grid>
    </Content>
  );
}
