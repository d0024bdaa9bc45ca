import type {
  CredentialHealth,
  IntegrationConsumer,
} from '@identity-portal/plugin-scm-integrations-common';
import type { CheckFindings, CredentialCheck } from './checkers/types';

/** When a working credential becomes a warning. */
export interface WarningThresholds {
  /** Percent of the rate limit remaining below which to warn. */
  rateLimitWarning: number;
  /** Warn when the credential expires within this many milliseconds. */
  expiryWarningMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the consumers need of a credential, each scope with who needs it. */
export function requiredScopes(
  check: Pick<CredentialCheck, 'requires'>,
  consumers: IntegrationConsumer[],
): { scope: string; neededBy: string[] }[] {
  const byScope = new Map<string, string[]>();
  for (const consumer of consumers) {
    let needs: string[] = [];
    if (check.requires === 'scopes') {
      needs = consumer.scopes;
    } else if (check.requires === 'appPermissions') {
      needs = Object.entries(consumer.appPermissions ?? {}).map(
        ([name, level]) => `${name}:${level}`,
      );
    }
    for (const scope of needs) {
      byScope.set(scope, [...(byScope.get(scope) ?? []), consumer.consumer]);
    }
  }
  return [...byScope].map(([scope, neededBy]) => ({ scope, neededBy }));
}

function expiryNote(
  expiresAt: string,
  now: number,
  thresholds: WarningThresholds,
): { severity: 'error' | 'warning'; text: string } | undefined {
  const left = Date.parse(expiresAt) - now;
  const day = expiresAt.slice(0, 10);
  if (left <= 0) {
    return { severity: 'error', text: `expired on ${day}` };
  }
  if (left <= thresholds.expiryWarningMs) {
    const days = Math.floor(left / DAY_MS);
    return {
      severity: 'warning',
      text: `expires on ${day} (${
        days === 0 ? 'within a day' : `in ${days} day${days > 1 ? 's' : ''}`
      })`,
    };
  }
  return undefined;
}

/**
 * The verdict on a credential the host accepted: an error for every missing
 * scope (naming the consumers that need it) and for faults the check found,
 * a warning for a low rate limit or a near expiry, otherwise ok.
 */
export function assessFindings(
  check: Pick<CredentialCheck, 'requires' | 'isGranted'>,
  findings: CheckFindings,
  consumers: IntegrationConsumer[],
  thresholds: WarningThresholds,
  now = Date.now(),
): Pick<
  CredentialHealth,
  'status' | 'message' | 'login' | 'scopes' | 'rateLimit' | 'expiresAt'
> {
  const required = requiredScopes(check, consumers);
  const granted = findings.grantedScopes;
  const missing =
    granted === null || granted === undefined
      ? []
      : required
          .filter(r => !check.isGranted(granted, r.scope))
          .map(r => r.scope);
  const noun = check.requires === 'appPermissions' ? 'permission' : 'scope';
  const errors = [
    ...(findings.errors ?? []),
    ...missing.map(
      scope =>
        `missing ${noun} ${scope} needed by ${required
          .find(r => r.scope === scope)!
          .neededBy.join(', ')}`,
    ),
  ];
  const warnings: string[] = [];
  const { rateLimit, expiresAt } = findings;
  if (
    rateLimit &&
    rateLimit.limit > 0 &&
    (rateLimit.remaining / rateLimit.limit) * 100 < thresholds.rateLimitWarning
  ) {
    warnings.push(
      `rate limit low: ${rateLimit.remaining} of ${
        rateLimit.limit
      } requests left${rateLimit.resetAt ? ` until ${rateLimit.resetAt}` : ''}`,
    );
  }
  if (expiresAt && !findings.expiryRenews) {
    const note = expiryNote(expiresAt, now, thresholds);
    if (note) {
      (note.severity === 'error' ? errors : warnings).push(note.text);
    }
  }
  let status: CredentialHealth['status'] = 'ok';
  let message = findings.login ? `works as ${findings.login}` : 'works';
  if (errors.length) {
    status = 'error';
    message = errors.join('; ');
  } else if (warnings.length) {
    status = 'warning';
    message = `${message}; ${warnings.join('; ')}`;
  }
  return {
    status,
    message,
    ...(findings.login && { login: findings.login }),
    ...(check.requires !== 'nothing' || granted
      ? { scopes: { granted: granted ?? null, required, missing } }
      : {}),
    ...(rateLimit && { rateLimit }),
    ...(expiresAt !== undefined && { expiresAt }),
  };
}
