import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import type { MeGroup } from '../api/types';
import { formatPath } from './format';

const columns: TableColumn<MeGroup>[] = [
  {
    title: 'Group',
    field: 'ref',
    render: group => <EntityRefLink entityRef={group.ref} />,
  },
  {
    title: 'Membership',
    field: 'direct',
    render: group => (group.direct ? 'direct' : 'inherited'),
  },
  {
    title: 'Path',
    field: 'path',
    render: group => (
      <Typography variant="body2" component="span">
        {formatPath(group.path)}
      </Typography>
    ),
  },
];

/** Every group the user belongs to, directly or through a parent group, with the path that makes it so. */
export function GroupsCard({ groups }: { groups: MeGroup[] }) {
  const sorted = [...groups].sort(
    (a, b) =>
      Number(b.direct) - Number(a.direct) ||
      a.path.length - b.path.length ||
      a.ref.localeCompare(b.ref),
  );
  return (
    <InfoCard title={`Groups (${groups.length})`} noPadding>
      {groups.length === 0 ? (
        <Typography variant="body2" style={{ padding: 16 }}>
          Not a member of any group.
        </Typography>
      ) : (
        <Table<MeGroup>
          columns={columns}
          data={sorted}
          options={{
            paging: false,
            search: false,
            toolbar: false,
            padding: 'dense',
          }}
        />
      )}
    </InfoCard>
  );
}
