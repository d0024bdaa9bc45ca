/** What one HTTP exchange with the GraphQL endpoint amounted to. */
export type Outcome =
  | { kind: 'ok'; data: unknown }
  /** Wait until `untilMs` (epoch), then try again; not a failed attempt. */
  | { kind: 'rate-limited'; untilMs: number; message: string }
  /** Try again after a backoff; `shrink` when a smaller page may help. */
  | { kind: 'transient'; shrink: boolean; message: string }
  /** Trying again will not help (bad credentials, unknown org, bad query). */
  | { kind: 'fatal'; message: string };

/** A secondary rate limit without `retry-after`: GitHub asks for a minute. */
export const SECONDARY_DEFAULT_WAIT_MS = 60_000;

type GraphqlError = { type?: string; message?: string };

const SHRINK_ERROR =
  /resource limit|timed? ?out|timeout|something went wrong while executing your query/i;

function header(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  if (value === null || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/** Epoch ms until which the primary rate limit is exhausted, if it is. */
export function primaryLimitResetMs(headers: Headers): number | undefined {
  if (header(headers, 'x-ratelimit-remaining') !== 0) return undefined;
  const reset = header(headers, 'x-ratelimit-reset');
  return reset === undefined ? undefined : reset * 1000;
}

function retryAfterMs(headers: Headers, nowMs: number): number | undefined {
  const seconds = header(headers, 'retry-after');
  if (seconds !== undefined) return nowMs + seconds * 1000;
  const date = headers.get('retry-after');
  const at = date ? Date.parse(date) : NaN;
  return Number.isFinite(at) ? at : undefined;
}

function messageOf(body: unknown): string {
  if (body && typeof body === 'object') {
    const { message, errors } = body as {
      message?: unknown;
      errors?: GraphqlError[];
    };
    if (typeof message === 'string') return message;
    if (Array.isArray(errors) && errors.length) {
      return errors
        .map(e => (e.type ? `${e.type}: ${e.message}` : `${e.message}`))
        .join('; ');
    }
  }
  return '';
}

/**
 * Classifies a GraphQL response. `attempt` is how many rate-limit waits
 * without `retry-after` happened already, for the exponential wait GitHub
 * asks for on secondary limits.
 */
export function classifyResponse(options: {
  status: number;
  headers: Headers;
  body: unknown;
  nowMs: number;
  secondaryWaits: number;
}): Outcome {
  const { status, headers, body, nowMs } = options;
  const text = messageOf(body);
  const describe = (fallback: string) =>
    `HTTP ${status}${text ? `: ${text}` : fallback}`;

  if (status === 403 || status === 429) {
    const retryAt = retryAfterMs(headers, nowMs);
    const resetAt = primaryLimitResetMs(headers);
    const secondary = /secondary rate limit|abuse/i.test(text);
    if (retryAt !== undefined) {
      return { kind: 'rate-limited', untilMs: retryAt, message: describe('') };
    }
    if (resetAt !== undefined) {
      return { kind: 'rate-limited', untilMs: resetAt, message: describe('') };
    }
    if (secondary || status === 429) {
      return {
        kind: 'rate-limited',
        untilMs:
          nowMs + SECONDARY_DEFAULT_WAIT_MS * 2 ** options.secondaryWaits,
        message: describe(''),
      };
    }
    return { kind: 'fatal', message: describe(' (forbidden)') };
  }
  if (status === 502 || status === 504) {
    return { kind: 'transient', shrink: true, message: describe('') };
  }
  if (status >= 500) {
    return { kind: 'transient', shrink: false, message: describe('') };
  }
  if (status === 401) {
    return {
      kind: 'fatal',
      message: describe(' (bad credentials)'),
    };
  }
  if (status !== 200) {
    return { kind: 'fatal', message: describe('') };
  }

  const errors = (body as { errors?: GraphqlError[] } | undefined)?.errors;
  if (!body || typeof body !== 'object') {
    return {
      kind: 'transient',
      shrink: false,
      message: 'HTTP 200 with a body that is not JSON',
    };
  }
  if (Array.isArray(errors) && errors.length) {
    if (errors.some(e => e.type === 'RATE_LIMITED')) {
      const resetAt =
        primaryLimitResetMs(headers) ??
        nowMs + SECONDARY_DEFAULT_WAIT_MS * 2 ** options.secondaryWaits;
      return { kind: 'rate-limited', untilMs: resetAt, message: text };
    }
    if (
      errors.some(
        e =>
          e.type === 'RESOURCE_LIMITS_EXCEEDED' ||
          SHRINK_ERROR.test(e.message ?? ''),
      )
    ) {
      return { kind: 'transient', shrink: true, message: text };
    }
    return { kind: 'fatal', message: text };
  }
  const data = (body as { data?: unknown }).data;
  if (data === undefined || data === null) {
    return { kind: 'transient', shrink: false, message: 'no data in answer' };
  }
  return { kind: 'ok', data };
}
