import {
  InfoCard,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { FormEvent, useState } from 'react';
import { groupPolicyApiRef } from '../api/apis';
import type { WhoCanResponse } from '../api/types';
import { ResultBadge } from './DecisionView';
import { describeVia } from './format';

type Principal = WhoCanResponse['principals'][number];

const columns: TableColumn<Principal>[] = [
  { title: 'Principal', field: 'ref' },
  {
    title: 'Decision',
    field: 'result',
    render: principal => <ResultBadge result={principal.result} />,
  },
  {
    title: 'Through',
    sorting: false,
    render: principal =>
      principal.via
        ? `role ${principal.role}, ${describeVia(principal.via)}`
        : '–',
  },
];

/** For inspectors: every user and service the policy does not deny a permission. */
export function WhoCanCard({ suggestions }: { suggestions: string[] }) {
  const api = useApi(groupPolicyApiRef);
  const [permission, setPermission] = useState('');
  const [answer, setAnswer] = useState<WhoCanResponse>();
  const [error, setError] = useState<Error>();

  const ask = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      setAnswer(await api.getWhoCan(permission.trim()));
    } catch (e) {
      setAnswer(undefined);
      setError(e as Error);
    }
  };

  return (
    <InfoCard title="Who can …?">
      <form onSubmit={ask} aria-label="Who can">
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <Autocomplete
            freeSolo
            options={suggestions}
            inputValue={permission}
            onInputChange={(_event, value) => setPermission(value)}
            style={{ flexGrow: 1 }}
            renderInput={params => (
              <TextField
                {...params}
                label="Look up permission"
                margin="dense"
                variant="outlined"
              />
            )}
          />
          <Button
            type="submit"
            variant="outlined"
            color="primary"
            disabled={!permission.trim()}
          >
            Look up
          </Button>
        </Box>
      </form>
      {error && <ResponseErrorPanel error={error} />}
      {answer && (
        <Table<Principal>
          title={`${answer.principals.length} principals may ${answer.permission}`}
          columns={columns}
          data={answer.principals}
          options={{ paging: false, padding: 'dense', search: true }}
        />
      )}
    </InfoCard>
  );
}
