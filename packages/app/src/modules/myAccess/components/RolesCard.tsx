import { InfoCard } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { MeRole } from '../api/types';
import { describeVia } from './format';

// Role descriptions and membership paths are long: wrap them inside the card.
const wrapping = { whiteSpace: 'normal', overflowWrap: 'anywhere' } as const;

function RoleItem({ role }: { role: MeRole }) {
  return (
    <ListItem divider>
      <ListItemText
        primary={
          <>
            <strong>{role.name}</strong>
            {role.superuser && (
              <Chip
                size="small"
                label="superuser"
                color="secondary"
                style={{ marginLeft: 8 }}
              />
            )}
            {role.description && (
              <Typography
                variant="body2"
                component="span"
                color="textSecondary"
              >
                {' '}
                – {role.description}
              </Typography>
            )}
          </>
        }
        secondary={role.via.map((via, index) => (
          <span key={index} style={{ display: 'block' }}>
            via {describeVia(via)}
          </span>
        ))}
        primaryTypographyProps={{ style: wrapping }}
        secondaryTypographyProps={{ component: 'div', style: wrapping }}
      />
    </ListItem>
  );
}

/** The roles the user holds and how each was obtained (binding, catalog annotation, default). */
export function RolesCard(props: { roles: MeRole[]; unknownRoles: string[] }) {
  const { roles, unknownRoles } = props;
  return (
    <InfoCard title={`Roles (${roles.length})`}>
      {unknownRoles.length > 0 && (
        <Typography variant="body2" color="error" paragraph>
          The catalog annotation names roles the policy does not define:{' '}
          {unknownRoles.join(', ')}
        </Typography>
      )}
      {roles.length === 0 ? (
        <Typography variant="body2">
          No roles: every permission is denied.
        </Typography>
      ) : (
        <List dense disablePadding>
          {roles.map(role => (
            <RoleItem key={role.name} role={role} />
          ))}
        </List>
      )}
    </InfoCard>
  );
}
