import { IncomingHttpHeaders } from 'node:http';

/** A request as the stand-in handlers see it (body already read). */
export interface StandinRequest {
  method: string;
  /** Raw path (percent-encoding kept), without the query string. */
  path: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
  /** Path parameters of the matched route, percent-decoded. */
  params: Record<string, string>;
}

/** What a handler answers; exactly one of json, text, html is used. */
export interface StandinResponse {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
  text?: string;
  html?: string;
}

/** Facts a handler reports about its request, for faults and the log. */
export interface RequestMeta {
  /** Paginated reads served (REST page or GraphQL connection pages). */
  pages: number;
  operation?: string;
  /** Rate-limit points the request used (GitHub GraphQL cost); default 1. */
  cost?: number;
}

export type RouteHandler = (
  request: StandinRequest,
  meta: RequestMeta,
) => StandinResponse | Promise<StandinResponse>;

export interface Route {
  method: 'GET' | 'POST';
  /** Path pattern; `:name` matches one path segment. */
  path: string;
  handler: RouteHandler;
}

/** Thrown by handlers to answer with a given response. */
export class StandinHttpError extends Error {
  constructor(readonly response: StandinResponse) {
    super(`HTTP ${response.status}`);
  }
}

export const jsonResponse = (
  status: number,
  json: unknown,
  headers?: Record<string, string>,
): StandinResponse => ({ status, json, headers });

/** Reads a form-encoded or JSON request body into string fields. */
export function readFields(request: StandinRequest): Record<string, string> {
  const type = String(request.headers['content-type'] ?? '');
  const fields: Record<string, string> = {};
  if (type.includes('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(request.body || '{}');
    } catch {
      throw new StandinHttpError(
        jsonResponse(400, { message: 'Problems parsing JSON' }),
      );
    }
    if (parsed && typeof parsed === 'object') {
      for (const [key, value] of Object.entries(parsed)) {
        if (value !== undefined && value !== null) {
          fields[key] = String(value);
        }
      }
    }
  } else {
    for (const [key, value] of new URLSearchParams(request.body)) {
      fields[key] = value;
    }
  }
  for (const [key, value] of request.url.searchParams) {
    fields[key] ??= value;
  }
  return fields;
}

/** The token of an `Authorization: Bearer|token <t>` header. */
export function bearerToken(request: StandinRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) {
    return undefined;
  }
  const match = /^(?:bearer|token)\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
