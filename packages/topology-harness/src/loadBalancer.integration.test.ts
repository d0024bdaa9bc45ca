import { createServer, type Server } from 'node:http';
import { startLoadBalancer } from './loadBalancer';
import { findFreePort } from './ports';

async function upstream(
  name: string,
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    res.setHeader('x-upstream', name);
    res.end(`${name} ${req.method} ${req.headers['x-forwarded-for']}`);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, server };
}

describe('startLoadBalancer', () => {
  it('sends requests to the upstreams in turn and skips one that refuses connections', async () => {
    const a = await upstream('a');
    const b = await upstream('b');
    const stopped = `http://127.0.0.1:${await findFreePort()}`;
    let upstreams = [a.url, b.url];
    const balancer = await startLoadBalancer(() => upstreams);
    try {
      const names = [];
      for (let i = 0; i < 4; i++) {
        const response = await fetch(`${balancer.url}/x`, {
          method: 'POST',
          body: 'hi',
        });
        names.push(response.headers.get('x-upstream'));
        expect(await response.text()).toMatch(/^[ab] POST 127\.0\.0\.1$/);
      }
      expect(names.sort()).toEqual(['a', 'a', 'b', 'b']);

      upstreams = [stopped, b.url];
      for (let i = 0; i < 3; i++) {
        const response = await fetch(`${balancer.url}/x`);
        expect(response.headers.get('x-upstream')).toBe('b');
      }
    } finally {
      await balancer.stop();
      a.server.close();
      b.server.close();
    }
  });
});
