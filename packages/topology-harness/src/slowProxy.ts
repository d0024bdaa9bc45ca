import { connect, createServer, type Server, type Socket } from 'node:net';
import { findFreePort, LOOPBACK } from './ports';

/**
 * A TCP proxy in front of the directory that can hold back every answer for a while: it makes a
 * replica's org sync last long enough to kill the replica in the middle of it.
 */
export interface SlowProxy {
  url: string;
  /** Answers from now on are delayed by `ms` per chunk (0: pass through). */
  setDelay(ms: number): void;
  /** Connections opened since the proxy started. */
  connections(): number;
  stop(): Promise<void>;
}

/** Starts a {@link SlowProxy} to `target` on a free loopback port. */
export async function startSlowProxy(target: {
  host: string;
  port: number;
}): Promise<SlowProxy> {
  let delayMs = 0;
  let opened = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer(client => {
    opened += 1;
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    client.on('data', chunk => upstream.write(chunk));
    let queue = Promise.resolve();
    upstream.on('data', chunk => {
      const delay = delayMs;
      queue = queue.then(async () => {
        if (delay > 0) await new Promise(resolve => setTimeout(resolve, delay));
        if (!client.destroyed) client.write(chunk);
      });
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close);
    client.on('close', close);
    upstream.on('error', close);
    // Answers still held back reach the client before it is disconnected.
    upstream.on('close', () => {
      queue = queue.then(close);
    });
  });
  const port = await findFreePort();
  await new Promise<void>(resolve => server.listen(port, LOOPBACK, resolve));
  return {
    url: `ldap://${LOOPBACK}:${port}`,
    setDelay(ms) {
      delayMs = ms;
    },
    connections: () => opened,
    stop: () =>
      new Promise(resolve => {
        sockets.forEach(socket => socket.destroy());
        server.close(() => resolve());
      }),
  };
}
