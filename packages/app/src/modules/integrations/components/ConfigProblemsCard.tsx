import {
  InfoCard,
  StatusError,
  StatusWarning,
} from '@backstage/core-components';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import type { IntegrationsConfigProblem } from '@identity-portal/plugin-scm-integrations-common';

// Keys and messages are long: wrap them inside the card.
const wrapping = { whiteSpace: 'normal', overflowWrap: 'anywhere' } as const;

/** What is wrong in `integrations:` (errors first, as the backend sorts them), each with its full config key. */
export function ConfigProblemsCard(props: {
  problems: IntegrationsConfigProblem[];
}) {
  const { problems } = props;
  const errors = problems.filter(p => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return (
    <InfoCard
      title="Configuration problems"
      subheader={`${errors} error${
        errors === 1 ? '' : 's'
      }, ${warnings} warning${warnings === 1 ? '' : 's'}`}
    >
      <List dense disablePadding>
        {problems.map(problem => (
          <ListItem key={`${problem.key}: ${problem.message}`} divider>
            <ListItemText
              primary={
                <>
                  {problem.severity === 'error' ? (
                    <StatusError>Error</StatusError>
                  ) : (
                    <StatusWarning>Warning</StatusWarning>
                  )}{' '}
                  <code>{problem.key}</code>
                </>
              }
              secondary={problem.message}
              primaryTypographyProps={{ component: 'div', style: wrapping }}
              secondaryTypographyProps={{ style: wrapping }}
            />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}
