import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import type { GraphFreshness, MeResponse } from '../api/types';
import { formatAge } from './format';

function Freshness({ graph }: { graph: GraphFreshness }) {
  if (!graph.loadedAt || graph.ageSeconds === undefined) {
    return (
      <Typography variant="body2" color="error">
        Not loaded yet{graph.lastError ? `: ${graph.lastError}` : ''}
      </Typography>
    );
  }
  return (
    <Typography
      variant="body2"
      color={graph.stale ? 'error' : 'textPrimary'}
      title={new Date(graph.loadedAt).toLocaleString()}
    >
      {graph.stale ? 'Stale: ' : ''}loaded {formatAge(graph.ageSeconds)} ·{' '}
      {graph.users} users · {graph.groups} groups
    </Typography>
  );
}

/** Who the answers are about (the user entity and display name), and what the policy decides with. */
export function IdentityCard({ me }: { me: MeResponse }) {
  return (
    <InfoCard title="Identity">
      <StructuredMetadataTable
        metadata={{
          'Display name': me.title ?? '–',
          User: me.known ? (
            <EntityRefLink entityRef={me.user} />
          ) : (
            <Typography variant="body2" color="error">
              Not in the org graph: only default roles apply
            </Typography>
          ),
          'User ref': <code>{me.user}</code>,
          'Org graph': <Freshness graph={me.graph} />,
          'Policy version': <code>{me.policyVersion}</code>,
        }}
      />
    </InfoCard>
  );
}
