import http from 'node:http';
import { PlannedRequest } from './workload';

export interface LoadOptions {
  /** e.g. `http://127.0.0.1:7007` */
  baseUrl: string;
  /** The Authorization header value for a user ref. */
  authHeader(user: string): string;
  /** Sent in order, round and round, until the time is up. */
  requests: readonly PlannedRequest[];
  concurrency: number;
  /** Seconds of load before measuring starts. */
  warmupS: number;
  /** Seconds of measured load. */
  durationS: number;
}

export interface LoadResult {
  requests: number;
  elapsedS: number;
  /** Request latencies in ms, in completion order. */
  latenciesMs: number[];
  errors: number;
  firstError?: string;
  /** How often each decision result came back. */
  results: Record<string, number>;
}

export type AuthorizeResponse = {
  items: Array<{ id: string; result: string }>;
};

/** One POST of an authorize batch over a keep-alive agent. */
export function postAuthorize(
  agent: http.Agent,
  url: URL,
  authorization: string,
  body: string,
): Promise<AuthorizeResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          authorization,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', chunk => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) {
            reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`));
            return;
          }
          try {
            resolve(JSON.parse(text) as AuthorizeResponse);
          } catch (error) {
            reject(error);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Keeps `concurrency` authorize requests in flight for warm-up plus
 * duration, measuring each request of the measured window from send to the
 * last byte of the answer. Bodies are serialised before the clock starts.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL('/api/permission/authorize', options.baseUrl);
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: options.concurrency,
  });
  const prepared = options.requests.map(r => ({
    authorization: options.authHeader(r.user),
    body: JSON.stringify({ items: r.items }),
  }));
  let next = 0;
  const latenciesMs: number[] = [];
  const results: Record<string, number> = {};
  let errors = 0;
  let firstError: string | undefined;
  let measuring = false;

  const start = performance.now();
  const measureFrom = start + options.warmupS * 1000;
  const end = measureFrom + options.durationS * 1000;

  const worker = async () => {
    while (performance.now() < end) {
      const request = prepared[next++ % prepared.length];
      const sent = performance.now();
      const counted = sent >= measureFrom;
      try {
        const response = await postAuthorize(
          agent,
          url,
          request.authorization,
          request.body,
        );
        if (counted) {
          latenciesMs.push(performance.now() - sent);
          for (const item of response.items) {
            results[item.result] = (results[item.result] ?? 0) + 1;
          }
        }
      } catch (error) {
        errors++;
        firstError ??= String(error);
      }
      measuring ||= counted;
    }
  };
  await Promise.all(
    Array.from({ length: options.concurrency }, () => worker()),
  );
  const finished = performance.now();
  agent.destroy();
  return {
    requests: latenciesMs.length,
    elapsedS: measuring ? (finished - measureFrom) / 1000 : 0,
    latenciesMs,
    errors,
    firstError,
    results,
  };
}

/**
 * Sends each request once (at most `concurrency` at a time) and returns the
 * result of every item, in request order: for comparing decisions.
 */
export async function askAll(
  baseUrl: string,
  authHeader: (user: string) => string,
  requests: readonly PlannedRequest[],
  concurrency: number,
): Promise<string[][]> {
  const url = new URL('/api/permission/authorize', baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const answers: string[][] = new Array(requests.length);
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const index = next++;
      const request = requests[index];
      const response = await postAuthorize(
        agent,
        url,
        authHeader(request.user),
        JSON.stringify({ items: request.items }),
      );
      const byId = new Map(response.items.map(i => [i.id, i.result]));
      answers[index] = request.items.map(i => byId.get(i.id) ?? 'MISSING');
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, () => worker()));
  } finally {
    agent.destroy();
  }
  return answers;
}
