import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useLoad } from './useLoad';

type UserOption = { ref: string; label: string };

function useUsers() {
  const catalogApi = useApi(catalogApiRef);
  return useLoad(async (): Promise<UserOption[]> => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'User' },
      fields: [
        'kind',
        'metadata.namespace',
        'metadata.name',
        'spec.profile.displayName',
      ],
    });
    return items
      .map(entity => {
        const ref = stringifyEntityRef(entity);
        const displayName = (
          entity.spec?.profile as { displayName?: string } | undefined
        )?.displayName;
        return { ref, label: displayName ? `${displayName} (${ref})` : ref };
      })
      .sort((a, b) => a.label.localeCompare(b.label));
  }, []);
}

/** For administrators: whose access the page explains (empty = yourself). */
export function UserPicker(props: {
  value?: string;
  onChange: (user: string | undefined) => void;
}) {
  const users = useUsers();
  const options = users.value ?? [];
  const selected =
    options.find(option => option.ref === props.value) ??
    (props.value ? { ref: props.value, label: props.value } : null);
  return (
    <Autocomplete<UserOption>
      options={options}
      loading={users.loading}
      value={selected}
      getOptionLabel={option => option.label}
      getOptionSelected={(option, value) => option.ref === value.ref}
      onChange={(_event, option) => props.onChange(option?.ref)}
      style={{ minWidth: 360 }}
      renderInput={params => (
        <TextField
          {...params}
          label="Explain for user…"
          helperText={
            users.error
              ? `Users could not be loaded: ${users.error.message}`
              : 'Administrators may look at anyone; clear to see yourself'
          }
          variant="outlined"
          margin="dense"
        />
      )}
    />
  );
}
