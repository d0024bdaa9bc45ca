/** A check's verdict that the credential does not work, in words fit for the health view. */
export class CheckFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckFailure';
  }
}

/** What to send to an integration host. */
export interface ApiRequest {
  method?: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

/** An answer of an integration host. */
export interface ApiAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function describeNetworkError(error: unknown, url: string, timeoutMs: number) {
  const name = (error as Error)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return `${hostOf(url)} did not answer within ${timeoutMs / 1000} s`;
  }
  const cause = (error as { cause?: { message?: string; code?: string } })
    ?.cause;
  const reason = cause?.message ?? cause?.code ?? (error as Error)?.message;
  return `cannot reach ${hostOf(url)}: ${reason ?? String(error)}`;
}

/** Calls an API; a network fault or timeout becomes a {@link CheckFailure}. */
export async function callApi(
  url: string,
  init: ApiRequest,
  context: { signal: AbortSignal; timeoutMs: number },
): Promise<ApiAnswer> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: { accept: 'application/json', ...init.headers },
      body: init.body,
      signal: context.signal,
      redirect: 'manual',
    });
    text = await response.text();
  } catch (error) {
    throw new CheckFailure(describeNetworkError(error, url, context.timeoutMs));
  }
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (a proxy's or sign-in page): kept as text for the message.
  }
  return { status: response.status, headers: response.headers, body };
}

/** The host's own words for a failed answer: `message`, `error_description` or `error`. */
function reasonOf(answer: ApiAnswer): string {
  const body = answer.body as Record<string, unknown> | undefined;
  const fields = [
    body?.message,
    body?.error_description,
    (body?.error as { message?: unknown })?.message,
    body?.error,
  ];
  const reason = fields.find(f => typeof f === 'string' && f.trim());
  return typeof reason === 'string' ? reason : 'unexpected answer';
}

/** A {@link CheckFailure} for an answer that is not a success. */
export function failureOf(answer: ApiAnswer, what: string): CheckFailure {
  if (answer.status === 401) {
    return new CheckFailure('401: token revoked or invalid');
  }
  return new CheckFailure(`${answer.status} from ${what}: ${reasonOf(answer)}`);
}

/** Calls an API and insists on a 2xx answer. */
export async function callApiOk(
  url: string,
  init: ApiRequest,
  context: { signal: AbortSignal; timeoutMs: number },
  what: string,
): Promise<ApiAnswer> {
  const answer = await callApi(url, init, context);
  if (answer.status < 200 || answer.status > 299) {
    throw failureOf(answer, what);
  }
  return answer;
}

/** Reads `<prefix>limit/remaining/reset` (reset in epoch seconds) headers. */
export function rateLimitFromHeaders(
  headers: Headers,
  prefix: string,
): { limit: number; remaining: number; resetAt?: string } | undefined {
  const limit = Number(headers.get(`${prefix}limit`));
  const remaining = Number(headers.get(`${prefix}remaining`));
  if (!headers.has(`${prefix}limit`) || !Number.isFinite(limit)) {
    return undefined;
  }
  if (!headers.has(`${prefix}remaining`) || !Number.isFinite(remaining)) {
    return undefined;
  }
  const reset = Number(headers.get(`${prefix}reset`));
  return {
    limit,
    remaining,
    ...(headers.has(`${prefix}reset`) &&
      Number.isFinite(reset) && {
        resetAt: new Date(reset * 1000).toISOString(),
      }),
  };
}
