import type { SlapdInstance } from '@internal/slapd-harness';
import {
  demoEnv,
  demoUserEntities,
  login,
  logout,
  READER_PASSWORD,
  refresh,
  sessionCookie,
  startAuthBackend,
  startDemoSlapd,
} from './__testUtils__/ldapBackend';

/** Every secret a sign-in touches must stay out of every log line, at every level. */
describe('LDAP sign-in logs', () => {
  let slapd: SlapdInstance;
  let stop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    slapd = await startDemoSlapd();
  });
  afterAll(async () => {
    await stop?.();
    await slapd?.stop();
  });

  it('never contain a password, a session id or a token', async () => {
    const lines: string[] = [];
    const { backend, base } = await startAuthBackend({
      envs: { development: demoEnv(slapd.url) },
      entities: await demoUserEntities(slapd.url),
      logLines: lines,
    });
    stop = () => backend.stop();

    const good = await login(base, 'development', {
      username: 'lnowak',
      password: 'demo-łódź-tram',
    });
    expect(good.status).toBe(200);
    const { backstageIdentity } = await good.json();
    const cookie = sessionCookie(good)!;
    expect((await refresh(base, 'development', cookie)).status).toBe(200);
    expect((await logout(base, 'development', cookie)).status).toBe(200);
    const wrong = await login(base, 'development', {
      username: 'zhoffmann',
      password: 'a-wrong-secret-Ξ',
    });
    expect(wrong.status).toBe(401);

    expect(lines.length).toBeGreaterThan(0);
    const secrets = [
      'demo-łódź-tram',
      'a-wrong-secret-Ξ',
      READER_PASSWORD,
      cookie.split('=')[1],
      backstageIdentity.token,
    ];
    for (const secret of secrets) {
      expect(lines.filter(line => line.includes(secret))).toEqual([]);
    }
  });
});
