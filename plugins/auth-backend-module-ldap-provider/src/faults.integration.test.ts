import type { SlapdInstance } from '@internal/slapd-harness';
import { startCuttingProxy } from './__testUtils__/cuttingProxy';
import {
  demoEnv,
  demoUserEntities,
  login,
  startAuthBackend,
  startDemoSlapd,
} from './__testUtils__/ldapBackend';

jest.setTimeout(60_000);

const ZOE = { username: 'zhoffmann', password: 'demo-zoe-kettle' };
const UNAVAILABLE = {
  error: {
    name: 'ServiceUnavailableError',
    message: 'The directory is unavailable; try again later',
  },
};

describe('LDAP sign-in when the directory fails mid-login', () => {
  let slapd: SlapdInstance;
  let proxy: Awaited<ReturnType<typeof startCuttingProxy>>;
  let base: string;
  let stopBackend: () => Promise<void>;

  beforeAll(async () => {
    slapd = await startDemoSlapd();
    proxy = await startCuttingProxy(slapd);
    const started = await startAuthBackend({
      entities: await demoUserEntities(slapd.url),
      envs: { development: demoEnv(proxy.url) },
    });
    base = started.base;
    stopBackend = () => started.backend.stop();
  });

  afterAll(async () => {
    await stopBackend?.();
    await proxy?.stop();
    await slapd?.stop();
  });

  it('works through the proxy', async () => {
    proxy.cutAt(Infinity);
    expect((await login(base, 'development', ZOE)).status).toBe(200);
  });

  it.each([
    ['the service bind', 1],
    ['the user search', 2],
    ['the user bind', 3],
  ])('answers 503, not 401 or 500, when cut at %s', async (_, request) => {
    proxy.cutAt(request);
    const res = await login(base, 'development', ZOE);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual(UNAVAILABLE);
  });

  it('does not count an outage as a failed sign-in', async () => {
    proxy.cutAt(3);
    for (let i = 0; i < 8; i++) {
      expect((await login(base, 'development', ZOE)).status).toBe(503);
    }
    proxy.cutAt(Infinity);
    expect((await login(base, 'development', ZOE)).status).toBe(200);
  });

  it('answers 503 when slapd is stopped', async () => {
    await slapd.stop();
    const res = await login(base, 'development', ZOE);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual(UNAVAILABLE);
  });
});
