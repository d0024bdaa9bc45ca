import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import type { Capability } from '../api/types';
import { ResultBadge } from './DecisionView';

const columns: TableColumn<Capability>[] = [
  { title: 'Permission', field: 'permission' },
  {
    title: 'Decision',
    field: 'result',
    render: item => <ResultBadge result={item.result} />,
  },
  { title: 'Why', field: 'reason', sorting: false },
];

/** What the user can do: the policy's decision on every permission it knows. */
export function CapabilitiesCard({ items }: { items: Capability[] }) {
  return (
    <Table<Capability>
      title="What the policy allows"
      columns={columns}
      data={items}
      options={{ paging: false, padding: 'dense', search: true }}
    />
  );
}

export function CapabilitiesUnavailable({ message }: { message: string }) {
  return <InfoCard title="What the policy allows">{message}</InfoCard>;
}
