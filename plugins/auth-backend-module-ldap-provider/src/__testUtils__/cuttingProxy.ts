import { createServer, Server, Socket, connect } from 'node:net';

/**
 * A TCP proxy in front of slapd that cuts every connection when the client
 * sends its `cutAtRequest`-th chunk (1-based): with search-then-bind the
 * 3rd request is the user's bind, so the directory "goes away" mid-login.
 */
export async function startCuttingProxy(target: { port: number }) {
  let cutAtRequest = Infinity;
  const sockets = new Set<Socket>();
  const server: Server = createServer(client => {
    let requests = 0;
    const upstream = connect(target.port, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    client.on('data', chunk => {
      requests += 1;
      if (requests >= cutAtRequest) {
        client.destroy();
        upstream.destroy();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', chunk => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close);
    upstream.on('error', close);
    client.on('close', close);
    upstream.on('close', close);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `ldap://127.0.0.1:${port}`,
    cutAt(request: number) {
      cutAtRequest = request;
    },
    async stop() {
      sockets.forEach(socket => socket.destroy());
      await new Promise(resolve => server.close(resolve));
    },
  };
}
