import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { FaultState } from './faults';
import {
  RequestMeta,
  Route,
  StandinHttpError,
  StandinRequest,
  StandinResponse,
} from './http';
import { MemoryRequestLog } from './requestLog';

/** How one stand-in flavour (GitHub, GitLab) shapes cross-cutting answers. */
export interface StandinFlavour {
  /** Runs before routing; may answer instead (rate limits). */
  before(request: StandinRequest): StandinResponse | undefined;
  /** The answer for a request the failPage switch fails. */
  pageFault(status: number, request: StandinRequest): StandinResponse;
  notFound(request: StandinRequest): StandinResponse;
  /** Adds headers to every answer (rate-limit headers and the like). */
  decorate(
    request: StandinRequest,
    response: StandinResponse,
    meta: RequestMeta,
  ): void;
}

export interface HttpStandinOptions {
  port?: number;
  host?: string;
  latencyMs?: number;
  routes: Route[];
  flavour: StandinFlavour;
  faults: FaultState;
  log: MemoryRequestLog;
}

interface CompiledRoute extends Route {
  pattern: RegExp;
  names: string[];
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map(segment => {
      if (segment.startsWith(':')) {
        names.push(segment.slice(1));
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { ...route, pattern: new RegExp(`^${source}/?$`), names };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', chunk => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, answer: StandinResponse): void {
  const headers: Record<string, string> = { ...answer.headers };
  let body = '';
  if (answer.html !== undefined) {
    headers['content-type'] ??= 'text/html; charset=utf-8';
    body = answer.html;
  } else if (answer.text !== undefined) {
    headers['content-type'] ??= 'text/plain; charset=utf-8';
    body = answer.text;
  } else if (answer.json !== undefined) {
    headers['content-type'] ??= 'application/json; charset=utf-8';
    body = JSON.stringify(answer.json);
  }
  headers['content-length'] = String(Buffer.byteLength(body));
  response.writeHead(answer.status, headers);
  response.end(body);
}

/** Starts an HTTP server running the routes with latency, faults and logging. */
export async function startHttpStandin(
  options: HttpStandinOptions,
): Promise<{ url: string; stop(): Promise<void> }> {
  const routes = options.routes.map(compile);
  const { flavour, faults, log } = options;
  const latencyMs = options.latencyMs ?? 0;

  const route = async (
    request: StandinRequest,
    meta: RequestMeta,
  ): Promise<StandinResponse> => {
    for (const candidate of routes) {
      if (candidate.method !== request.method) {
        continue;
      }
      const match = candidate.pattern.exec(request.path);
      if (!match) {
        continue;
      }
      candidate.names.forEach((name, index) => {
        request.params[name] = decodeURIComponent(match[index + 1]);
      });
      try {
        return await candidate.handler(request, meta);
      } catch (error) {
        if (error instanceof StandinHttpError) {
          return error.response;
        }
        return {
          status: 500,
          json: { message: `stand-in error: ${String(error)}` },
        };
      }
    }
    return flavour.notFound(request);
  };

  const handle = async (
    incoming: IncomingMessage,
    outgoing: ServerResponse,
  ): Promise<void> => {
    const body = await readBody(incoming);
    const url = new URL(incoming.url ?? '/', 'http://standin.invalid');
    const request: StandinRequest = {
      method: incoming.method ?? 'GET',
      path: url.pathname,
      url,
      headers: incoming.headers,
      body,
      params: {},
    };
    const meta: RequestMeta = { pages: 0 };
    const delay = latencyMs + faults.slowMs;
    if (delay > 0) {
      await sleep(delay);
    }

    let answer = flavour.before(request);
    if (!answer) {
      answer = await route(request, meta);
      const faultStatus = faults.countPages(meta.pages);
      if (faultStatus !== undefined) {
        answer = flavour.pageFault(faultStatus, request);
      }
    }
    flavour.decorate(request, answer, meta);
    send(outgoing, answer);
    log.add({
      method: request.method,
      path: request.path,
      query: url.search.slice(1),
      status: answer.status,
      operation: meta.operation,
      pages: meta.pages,
    });
  };

  const server = createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch(error => {
      if (!outgoing.headersSent) {
        send(outgoing, { status: 500, json: { message: String(error) } });
      }
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close(error => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
