import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { DecisionResult, ExplainResponse, RuleMatch } from '../api/types';
import { describeVia } from './format';

export function ResultBadge({ result }: { result: DecisionResult }) {
  switch (result) {
    case 'ALLOW':
      return <StatusOK>ALLOW</StatusOK>;
    case 'DENY':
      return <StatusError>DENY</StatusError>;
    default:
      return <StatusWarning>{result}</StatusWarning>;
  }
}

/**
 * One rule as a line: `allow catalog.entity.* — role developer, rule 2 (wildcard name), via …`. Rules are
 * numbered from 0 in the role's `rules`, as the policy's own reasons number them.
 */
export function describeRule(rule: RuleMatch): string {
  const via = `via ${describeVia(rule.via)}`;
  if (rule.ruleIndex < 0) {
    return `superuser — role ${rule.role} allows everything, ${via}`;
  }
  const when = rule.when ? ` when ${JSON.stringify(rule.when)}` : '';
  return `${rule.effect} ${rule.selector}${when} — role ${rule.role}, rule ${rule.ruleIndex} (${rule.specificity}), ${via}`;
}

function Rules({ title, rules }: { title: string; rules: RuleMatch[] }) {
  if (rules.length === 0) return null;
  return (
    <Box mt={1}>
      <Typography variant="subtitle2">{title}</Typography>
      <ul style={{ margin: 0 }}>
        {rules.map(rule => (
          <li key={`${rule.role}#${rule.ruleIndex}`}>
            <Typography variant="body2">{describeRule(rule)}</Typography>
          </li>
        ))}
      </ul>
    </Box>
  );
}

/** A decision and everything that explains it. */
export function DecisionView({ decision }: { decision: ExplainResponse }) {
  const { permission } = decision;
  return (
    <Box mt={2} data-testid="decision">
      <Typography variant="h6" component="p">
        <ResultBadge result={decision.result} /> {permission.name}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {permission.type} permission
        {permission.resourceType ? ` on ${permission.resourceType}` : ''}
        {permission.action ? `, action ${permission.action}` : ''}; asked for{' '}
        {decision.user}
      </Typography>
      <Typography variant="body1" style={{ marginTop: 8 }}>
        {decision.reason}
      </Typography>
      {decision.resource && (
        <Typography variant="body2">
          For {decision.resource.ref}:{' '}
          {decision.resource.allowed ? 'allowed' : 'denied'} –{' '}
          {decision.resource.reason}
        </Typography>
      )}
      <Rules
        title="Winning rule"
        rules={decision.winner ? [decision.winner] : []}
      />
      <Rules title="Overridden" rules={decision.overridden} />
      {decision.conditions && (
        <Box mt={1}>
          <Typography variant="subtitle2">Conditions</Typography>
          <Box component="pre" m={0} fontSize="0.8rem">
            {JSON.stringify(decision.conditions, null, 2)}
          </Box>
        </Box>
      )}
      <Typography
        variant="caption"
        color="textSecondary"
        component="p"
        style={{ marginTop: 8 }}
      >
        How rules combine: {decision.semantics}
      </Typography>
    </Box>
  );
}
