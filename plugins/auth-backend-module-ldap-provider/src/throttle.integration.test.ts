import type { SlapdInstance } from '@internal/slapd-harness';
import {
  demoEnv,
  demoUserEntities,
  login,
  startAuthBackend,
  startDemoSlapd,
  UNIFORM_401,
} from './__testUtils__/ldapBackend';

jest.setTimeout(60_000);

describe('LDAP sign-in throttling against slapd', () => {
  let slapd: SlapdInstance;
  let base: string;
  let stopBackend: () => Promise<void>;

  beforeAll(async () => {
    slapd = await startDemoSlapd();
    const env = demoEnv(slapd.url);
    const started = await startAuthBackend({
      entities: await demoUserEntities(slapd.url),
      envs: {
        development: {
          ...env,
          throttle: {
            perUsername: 3,
            perAddress: 8,
            window: { seconds: 2 },
            maxLock: { seconds: 3 },
          },
        },
      },
    });
    base = started.base;
    stopBackend = () => started.backend.stop();
  });

  afterAll(async () => {
    await stopBackend?.();
    await slapd?.stop();
  });

  const wrong = (username: string) =>
    login(base, 'development', { username, password: 'wrong-password' });

  it('locks a username after perUsername failures, with Retry-After, and lifts after the window', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await wrong('zhoffmann');
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual(UNIFORM_401);
    }
    // Locked: even the right password is not tried.
    const locked = await login(base, 'development', {
      username: 'ZHoffmann',
      password: 'demo-zoe-kettle',
    });
    expect(locked.status).toBe(429);
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);
    const body = await locked.json();
    expect(body.retryAfterSeconds).toBe(retryAfter);
    expect(body.error.name).toBe('TooManyRequestsError');
    // Another user from the same address still works.
    expect(
      (
        await login(base, 'development', {
          username: 'lnowak',
          password: 'demo-łódź-tram',
        })
      ).status,
    ).toBe(200);

    await new Promise(resolve => setTimeout(resolve, retryAfter * 1000 + 100));
    const lifted = await login(base, 'development', {
      username: 'zhoffmann',
      password: 'demo-zoe-kettle',
    });
    expect(lifted.status).toBe(200);
  });

  it('counts unknown usernames like known ones', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await wrong('nobody')).status).toBe(401);
    }
    expect((await wrong('nobody')).status).toBe(429);
    await new Promise(resolve => setTimeout(resolve, 2100));
  });

  it('locks a client address after perAddress failures across usernames', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) {
      statuses.push((await wrong(`spray-${i}`)).status);
    }
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(401));
    expect(statuses[8]).toBe(429);
    // Everyone from this address waits, even with a good password.
    const res = await login(base, 'development', {
      username: 'jgarcia',
      password: 'demo-jose-paella',
    });
    expect(res.status).toBe(429);
    const retry = (await res.json()).retryAfterSeconds;
    await new Promise(resolve => setTimeout(resolve, retry * 1000 + 100));
    expect(
      (
        await login(base, 'development', {
          username: 'jgarcia',
          password: 'demo-jose-paella',
        })
      ).status,
    ).toBe(200);
  });
});
