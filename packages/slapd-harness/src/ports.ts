import { createServer } from 'node:net';
import { ConflictError } from '@backstage/errors';

/** The only address the harness listens on. */
export const LOOPBACK_HOST = '127.0.0.1';

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port, host: LOOPBACK_HOST, exclusive: true }, () => {
      const address = server.address();
      const boundPort =
        typeof address === 'object' && address ? address.port : port;
      server.close(() => resolve(boundPort));
    });
  });
}

/** A port on 127.0.0.1 that was free a moment ago (the OS picks it). */
export function findFreePort(): Promise<number> {
  return listenOnce(0);
}

/** The error thrown when the requested port is taken. */
export function portInUseError(port: number): ConflictError {
  return new ConflictError(
    `Port ${port} on ${LOOPBACK_HOST} is already in use; stop whatever listens there or choose another port`,
  );
}

/** Throws a ConflictError when nothing can listen on the port right now. */
export async function assertPortFree(port: number): Promise<void> {
  try {
    await listenOnce(port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw portInUseError(port);
    }
    throw error;
  }
}
