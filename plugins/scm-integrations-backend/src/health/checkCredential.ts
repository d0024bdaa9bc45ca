import type {
  CredentialHealth,
  IntegrationConsumer,
} from '@identity-portal/plugin-scm-integrations-common';
import {
  assessFindings,
  requiredScopes,
  WarningThresholds,
} from './assessFindings';
import { CheckFailure } from './checkers/http';
import type { CredentialCheck } from './checkers/types';

/** How long one credential's check may take, and when to warn. */
export interface CheckSettings extends WarningThresholds {
  timeoutMs: number;
}

/** Replaces every secret in a text (and user:password in URLs) with `***`. */
export function redact(text: string, secrets: string[]): string {
  let result = text.replace(/\/\/[^/\s:@]+:[^/\s@]+@/g, '//***@');
  for (const secret of secrets.filter(s => s.length >= 4)) {
    result = result.split(secret).join('***');
  }
  return result;
}

/**
 * Runs one credential's check within its timeout and judges the result. Never
 * throws: a failure becomes an `error` whose message holds no secret.
 */
export async function checkCredential(
  check: CredentialCheck,
  consumers: IntegrationConsumer[],
  settings: CheckSettings,
): Promise<CredentialHealth> {
  const started = Date.now();
  const base = {
    id: check.id,
    kind: check.kind,
    label: check.label,
    checkedAt: new Date(started).toISOString(),
  };
  if (!check.run) {
    return {
      ...base,
      status: 'unchecked',
      message: check.notChecked ?? 'cannot be checked from the portal',
      durationMs: 0,
    };
  }
  try {
    const findings = await check.run({
      signal: AbortSignal.timeout(settings.timeoutMs),
      timeoutMs: settings.timeoutMs,
    });
    const verdict = assessFindings(check, findings, consumers, settings);
    return {
      ...base,
      label: findings.label ?? check.label,
      ...verdict,
      message: redact(verdict.message, check.secrets),
      durationMs: Date.now() - started,
    };
  } catch (error) {
    const reason =
      error instanceof CheckFailure
        ? error.message
        : `check failed: ${(error as Error)?.message ?? String(error)}`;
    const required = requiredScopes(check, consumers);
    return {
      ...base,
      status: 'error',
      message: redact(reason, check.secrets),
      durationMs: Date.now() - started,
      ...(required.length && {
        scopes: { granted: null, required, missing: [] },
      }),
    };
  }
}
