import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { FormEvent, useEffect, useState } from 'react';
import { groupPolicyApiRef } from '../api/apis';
import type { ExplainResponse } from '../api/types';
import { DecisionView } from './DecisionView';

type Answer =
  | { state: 'idle' }
  | { state: 'asking' }
  | { state: 'answered'; decision: ExplainResponse }
  | { state: 'failed'; error: Error };

/**
 * "May I …?": a permission name (suggested from what the policy knows) and an optional resource ref, answered
 * with the decision and its explanation. `user` asks on someone else's behalf (administrators only).
 */
export function MayICard(props: { user?: string; suggestions: string[] }) {
  const { user, suggestions } = props;
  const api = useApi(groupPolicyApiRef);
  const [permission, setPermission] = useState('');
  const [resourceRef, setResourceRef] = useState('');
  const [answer, setAnswer] = useState<Answer>({ state: 'idle' });

  // An answer is about one user: asking for someone else starts over.
  useEffect(() => setAnswer({ state: 'idle' }), [user]);

  const ask = async (event: FormEvent) => {
    event.preventDefault();
    const name = permission.trim();
    if (!name) return;
    setAnswer({ state: 'asking' });
    try {
      const decision = await api.explain({
        user,
        permission: name,
        resourceRef: resourceRef.trim() || undefined,
      });
      setAnswer({ state: 'answered', decision });
    } catch (error) {
      setAnswer({ state: 'failed', error: error as Error });
    }
  };

  return (
    <InfoCard title={user ? `May ${user} …?` : 'May I …?'}>
      <form onSubmit={ask} aria-label="May I">
        <Autocomplete
          freeSolo
          options={suggestions}
          inputValue={permission}
          onInputChange={(_event, value) => setPermission(value)}
          renderInput={params => (
            <TextField
              {...params}
              label="Permission"
              placeholder="catalog.location.create"
              margin="dense"
              variant="outlined"
              required
            />
          )}
        />
        <TextField
          id="may-i-resource"
          label="Resource (optional)"
          placeholder="component:default/my-service"
          helperText="An entity ref, for permissions on a resource such as catalog.entity.refresh"
          value={resourceRef}
          onChange={event => setResourceRef(event.target.value)}
          margin="dense"
          variant="outlined"
          fullWidth
        />
        <Box mt={1}>
          <Button
            type="submit"
            variant="contained"
            color="primary"
            disabled={answer.state === 'asking' || !permission.trim()}
          >
            {answer.state === 'asking' ? 'Asking…' : 'Ask'}
          </Button>
        </Box>
      </form>
      {answer.state === 'answered' && (
        <DecisionView decision={answer.decision} />
      )}
      {answer.state === 'failed' && (
        <Box mt={2}>
          <ResponseErrorPanel error={answer.error} />
        </Box>
      )}
    </InfoCard>
  );
}
