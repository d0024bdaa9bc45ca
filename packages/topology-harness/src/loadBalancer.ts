import { createServer, request, type Server } from 'node:http';
import { findFreePort, LOOPBACK } from './ports';

/** A round-robin HTTP load balancer on loopback in front of the replicas. */
export interface LoadBalancer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Sends each request to the next upstream in turn, skipping one that refuses the connection (a stopped
 * replica), as a load balancer's health check would. Adds `X-Forwarded-For` (the replicas trust one hop).
 */
export async function startLoadBalancer(
  upstreams: () => string[],
): Promise<LoadBalancer> {
  let next = 0;
  const server: Server = createServer((req, res) => {
    const targets = upstreams();
    const body: Buffer[] = [];
    req.on('data', chunk => body.push(chunk));
    req.on('end', () => {
      const attempt = (tries: number) => {
        const target = new URL(targets[next++ % targets.length]);
        const forwarded = [
          req.headers['x-forwarded-for'],
          req.socket.remoteAddress,
        ]
          .filter(Boolean)
          .join(', ');
        const upstream = request(
          {
            host: target.hostname,
            port: target.port,
            method: req.method,
            path: req.url,
            headers: { ...req.headers, 'x-forwarded-for': forwarded },
          },
          upstreamRes => {
            res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
            upstreamRes.pipe(res);
          },
        );
        upstream.on('error', error => {
          const refused =
            (error as NodeJS.ErrnoException).code === 'ECONNREFUSED';
          if (refused && tries + 1 < targets.length && !res.headersSent) {
            attempt(tries + 1);
          } else if (!res.headersSent) {
            res.writeHead(502).end();
          } else {
            res.destroy();
          }
        });
        upstream.end(Buffer.concat(body));
      };
      attempt(0);
    });
  });
  const port = await findFreePort();
  server.keepAliveTimeout = 5_000;
  await new Promise<void>(resolve => server.listen(port, LOOPBACK, resolve));
  return {
    url: `http://${LOOPBACK}:${port}`,
    port,
    stop: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
