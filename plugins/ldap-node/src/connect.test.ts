import { createServer, Server, Socket } from 'node:net';
import { createLdaptsClient } from './client';
import { connect, ConnectOptions } from './connect';

/** A TCP server that accepts connections and never answers. */
async function silentServer(): Promise<{
  url: string;
  close: () => Promise<void>;
}> {
  const sockets: Socket[] = [];
  const server: Server = createServer(socket => sockets.push(socket));
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `ldap://127.0.0.1:${port}`,
    close: () =>
      new Promise(resolve => {
        sockets.forEach(socket => socket.destroy());
        server.close(() => resolve());
      }),
  };
}

function options(
  urls: string[],
  overrides: Partial<ConnectOptions> = {},
): ConnectOptions {
  return {
    urls,
    bind: { dn: 'cn=reader,dc=example,dc=com', password: 'secret' },
    tls: { startTls: false, rejectUnauthorized: true },
    connectTimeoutMs: 1000,
    operationTimeoutMs: 200,
    createClient: createLdaptsClient,
    signal: new AbortController().signal,
    problems: { warning: () => {} },
    ...overrides,
  };
}

describe('connect (real ldapts client)', () => {
  let silent: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    silent = await silentServer();
  });

  afterAll(() => silent.close());

  it('gives up on a server that does not answer after the operation timeout', async () => {
    const started = Date.now();
    await expect(connect(options([silent.url]))).rejects.toThrow(
      `Could not connect and bind to any LDAP server: ${silent.url} failed: Error: BindRequest: Operation timed out`,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('stops waiting as soon as the sync is aborted', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const attempt = connect(
      options([silent.url], {
        operationTimeoutMs: 60_000,
        signal: controller.signal,
      }),
    );
    setTimeout(() => controller.abort(new Error('sync cancelled')), 50);
    await expect(attempt).rejects.toThrow('sync cancelled');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('times out a StartTLS upgrade that never completes', async () => {
    await expect(
      connect(
        options([silent.url], {
          tls: { startTls: true, rejectUnauthorized: true },
          connectTimeoutMs: 100,
          operationTimeoutMs: 100,
        }),
      ),
    ).rejects.toThrow(`${silent.url} failed: Error: `);
  });
});
