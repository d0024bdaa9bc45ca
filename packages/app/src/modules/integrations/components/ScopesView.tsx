import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CheckIcon from '@material-ui/icons/Check';
import ErrorIcon from '@material-ui/icons/Error';
import type { CredentialScopes } from '@identity-portal/plugin-scm-integrations-common';

const useStyles = makeStyles(theme => ({
  chip: { margin: theme.spacing(0.25, 0.5, 0.25, 0) },
  granted: {
    margin: theme.spacing(0.25, 0.5, 0.25, 0),
    borderColor: theme.palette.success.main,
    '& svg': { color: theme.palette.success.main },
  },
  missing: {
    margin: theme.spacing(0.25, 0.5, 0.25, 0),
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
    '& svg': { color: theme.palette.error.contrastText },
    fontWeight: theme.typography.fontWeightBold as number,
  },
}));

function Granted({ granted }: { granted: string[] | null }) {
  const classes = useStyles();
  if (granted === null) return <>not reported by the host</>;
  if (granted.length === 0) return <>none</>;
  return (
    <>
      {granted.map(scope => (
        <Chip
          key={scope}
          size="small"
          variant="outlined"
          label={scope}
          className={classes.chip}
        />
      ))}
    </>
  );
}

function Needed({ scopes }: { scopes: CredentialScopes }) {
  const classes = useStyles();
  if (scopes.required.length === 0) return <>none</>;
  const missing = new Set(scopes.missing);
  return (
    <>
      {scopes.required.map(({ scope, neededBy }) => {
        const isMissing = missing.has(scope);
        return (
          <Chip
            key={scope}
            size="small"
            variant={isMissing ? 'default' : 'outlined'}
            icon={isMissing ? <ErrorIcon /> : <CheckIcon />}
            label={isMissing ? `${scope} missing` : scope}
            title={`needed by ${neededBy.join('; ')}`}
            className={isMissing ? classes.missing : classes.granted}
            data-testid={isMissing ? 'missing-scope' : undefined}
          />
        );
      })}
    </>
  );
}

/**
 * The scopes the credential was granted and those the portal's modules need; a needed scope that was not
 * granted is marked "missing" (in words and in the error colour), with who needs it on hover.
 */
export function ScopesView({ scopes }: { scopes: CredentialScopes }) {
  return (
    <Box>
      <Typography variant="body2" component="div">
        Granted: <Granted granted={scopes.granted} />
      </Typography>
      <Typography variant="body2" component="div">
        Needed: <Needed scopes={scopes} />
      </Typography>
    </Box>
  );
}
