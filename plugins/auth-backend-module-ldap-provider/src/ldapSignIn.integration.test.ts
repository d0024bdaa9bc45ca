import type { SlapdInstance } from '@internal/slapd-harness';
import { Attribute, Change, Client } from 'ldapts';
import {
  APP_URL,
  deadUrl,
  demoEnv,
  demoUserEntities,
  login,
  logout,
  PEOPLE_DN,
  refresh,
  ROOT_PASSWORD,
  sessionCookie,
  startAuthBackend,
  startDemoSlapd,
  UNIFORM_401,
  XHR,
} from './__testUtils__/ldapBackend';
import { INJECTION_USERNAMES } from './__testUtils__/injectionCorpus';

jest.setTimeout(60_000);

const ZOE = { username: 'zhoffmann', password: 'demo-zoe-kettle' };
const LUKASZ = { username: 'lnowak', password: 'demo-łódź-tram' };

describe('LDAP sign-in against slapd', () => {
  const slapdLog: string[] = [];
  let slapd: SlapdInstance;
  let fragile: SlapdInstance;
  let base: string;
  let stopBackend: () => Promise<void>;

  beforeAll(async () => {
    [slapd, fragile] = await Promise.all([
      startDemoSlapd(slapdLog),
      startDemoSlapd(),
    ]);
    // staylor is in LDAP but not in the catalog.
    const entities = await demoUserEntities(slapd.url, ['staylor']);
    // The second directory's people, under other names (same DNs and emails
    // would make the DN and email resolvers ambiguous).
    const fragileEntities = (
      await demoUserEntities(fragile.url, ['staylor'])
    ).map(entity => ({
      ...entity,
      metadata: {
        name: `${entity.metadata.name}-fragile`,
        annotations: {
          'backstage.io/ldap-uuid':
            entity.metadata.annotations!['backstage.io/ldap-uuid'],
        },
      },
      spec: {},
    }));
    const env = demoEnv(slapd.url);
    const started = await startAuthBackend({
      entities: [...entities, ...fragileEntities],
      envs: {
        development: { ...env, recheckInterval: { milliseconds: 1 } },
        failover: demoEnv([await deadUrl(), slapd.url]),
        bydn: {
          ...env,
          signIn: {
            resolvers: [{ resolver: 'ldapDnMatchingUserEntityAnnotation' }],
          },
        },
        byname: {
          ...env,
          signIn: {
            resolvers: [
              { resolver: 'ldapUuidMatchingUserEntityAnnotation' },
              { resolver: 'userNameMatchingUserEntityName' },
            ],
          },
        },
        byemail: {
          ...env,
          signIn: {
            resolvers: [{ resolver: 'emailMatchingUserEntityProfileEmail' }],
          },
        },
        dangerous: {
          ...env,
          signIn: {
            resolvers: [
              {
                resolver: 'ldapUuidMatchingUserEntityAnnotation',
                dangerouslyAllowSignInWithoutUserInCatalog: true,
              },
            ],
          },
        },
        direct: {
          vendor: 'openldap',
          url: slapd.url,
          bind: env.bind,
          dnTemplate: `uid={username},${PEOPLE_DN}`,
          users: { disabledFilter: '(employeeType=disabled)' },
          throttle: env.throttle,
        },
        short: { ...env, session: { duration: { seconds: 1 } } },
        fragile: {
          ...demoEnv(fragile.url),
          recheckInterval: { milliseconds: 1 },
        },
      },
    });
    base = started.base;
    stopBackend = () => started.backend.stop();
  });

  afterAll(async () => {
    await stopBackend?.();
    await Promise.all([slapd?.stop(), fragile?.stop()]);
  });

  async function bindCount(): Promise<number> {
    await new Promise(resolve => setTimeout(resolve, 300));
    return slapdLog.filter(line => / BIND dn=/.test(line)).length;
  }

  it('signs in with a good password and returns a token, profile and cookie', async () => {
    const res = await login(base, 'development', ZOE);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.profile).toEqual({
      email: 'zoe.hoffmann@example.com',
      displayName: 'Zoë Hoffmann',
    });
    expect(body.providerInfo).toEqual({});
    expect(body.backstageIdentity.token).toEqual(expect.any(String));
    expect(body.backstageIdentity.identity).toEqual({
      type: 'user',
      userEntityRef: 'user:default/zhoffmann',
      ownershipEntityRefs: expect.arrayContaining(['user:default/zhoffmann']),
    });
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^ldap-session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/Path=\/api\/auth\/ldap/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/); // http in the test
    expect(setCookie).toMatch(/Max-Age=28800/);
  });

  it('signs in with a UTF-8 password', async () => {
    const res = await login(base, 'development', LUKASZ);
    expect(res.status).toBe(200);
    expect((await res.json()).backstageIdentity.identity.userEntityRef).toBe(
      'user:default/lnowak',
    );
  });

  it('signs in by direct bind with an escaped DN template', async () => {
    const res = await login(base, 'direct', ZOE);
    expect(res.status).toBe(200);
    const bad = await login(base, 'direct', { ...ZOE, password: 'nope' });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual(UNIFORM_401);
    const disabled = await login(base, 'direct', {
      username: 'mmustermann',
      password: 'demo-max-pretzel',
    });
    expect(disabled.status).toBe(401);
    expect(await disabled.json()).toEqual(UNIFORM_401);
  });

  it('fails over to the next URL', async () => {
    const res = await login(base, 'failover', ZOE);
    expect(res.status).toBe(200);
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const wrong = await login(base, 'development', {
      username: 'zhoffmann',
      password: 'wrong-password',
    });
    const unknown = await login(base, 'development', {
      username: 'nobody-here',
      password: 'wrong-password',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [wrongBody, unknownBody] = [await wrong.text(), await unknown.text()];
    expect(wrongBody).toBe(unknownBody);
    expect(JSON.parse(wrongBody)).toEqual(UNIFORM_401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('takes similar time for a wrong password and an unknown user', async () => {
    const time = async (username: string) => {
      const samples: number[] = [];
      for (let i = 0; i < 15; i++) {
        const started = performance.now();
        await login(base, 'development', { username, password: `wrong-${i}` });
        samples.push(performance.now() - started);
      }
      samples.sort((a, b) => a - b);
      return samples[Math.floor(samples.length / 2)];
    };
    const known = await time('jgarcia');
    const unknown = await time('no-such-user');
    // Both do one search and one bind; within noise of each other.
    expect(Math.abs(known - unknown)).toBeLessThan(
      Math.max(known, unknown) * 0.5 + 5,
    );
  });

  it.each([
    ['empty', ''],
    ['whitespace', ' \t\n '],
  ])('refuses an %s password without any bind', async (_, password) => {
    const before = await bindCount();
    const res = await login(base, 'development', {
      username: 'zhoffmann',
      password,
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(UNIFORM_401);
    expect(await bindCount()).toBe(before);
  });

  it.each([
    ['no password', { username: 'zhoffmann' }],
    ['a number', { username: 'zhoffmann', password: 1 }],
    ['an array username', { username: ['zhoffmann'], password: 'x' }],
    ['no body', {}],
  ])('refuses %s uniformly', async (_, body) => {
    const res = await login(base, 'development', body);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(UNIFORM_401);
  });

  it('refuses a disabled user uniformly, even with the right password', async () => {
    const res = await login(base, 'development', {
      username: 'mmustermann',
      password: 'demo-max-pretzel',
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(UNIFORM_401);
  });

  it(`refuses each of ${INJECTION_USERNAMES.length} injection usernames uniformly`, async () => {
    expect(INJECTION_USERNAMES.length).toBeGreaterThanOrEqual(50);
    for (const username of INJECTION_USERNAMES) {
      for (const password of [ZOE.password, '*', 'x']) {
        const res = await login(base, 'development', { username, password });
        const body = await res.json();
        if (
          res.status !== 401 ||
          body.error?.message !== UNIFORM_401.error.message
        ) {
          throw new Error(
            `username ${JSON.stringify(username)}: ${
              res.status
            } ${JSON.stringify(body)}`,
          );
        }
      }
    }
  });

  it('trims whitespace around the username', async () => {
    for (const username of ['zhoffmann ', ' zhoffmann\t']) {
      const res = await login(base, 'development', { ...ZOE, username });
      expect(res.status).toBe(200);
    }
  });

  it('refuses a user missing from the catalog', async () => {
    const res = await login(base, 'development', {
      username: 'staylor',
      password: 'demo-sam-ledger',
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error.name).toBe('AuthenticationError');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('lets a user missing from the catalog in with dangerouslyAllowSignInWithoutUserInCatalog', async () => {
    const res = await login(base, 'dangerous', {
      username: 'staylor',
      password: 'demo-sam-ledger',
    });
    expect(res.status).toBe(200);
    expect((await res.json()).backstageIdentity.identity.userEntityRef).toBe(
      'user:default/staylor',
    );
  });

  it.each([
    ['bydn', 'ZHoffmann'],
    ['byname', 'zhoffmann'],
    ['byemail', 'zhoffmann'],
  ])(
    'resolves the user through the %s resolver chain',
    async (env, username) => {
      const res = await login(base, env, { ...ZOE, username });
      if (res.status !== 200) throw new Error(await res.text());
      expect((await res.json()).backstageIdentity.identity.userEntityRef).toBe(
        'user:default/zhoffmann',
      );
    },
  );

  describe('sessions', () => {
    it('restores a session with /refresh and issues a new token', async () => {
      const res = await login(base, 'development', ZOE);
      const cookie = sessionCookie(res)!;
      const first = (await res.json()).backstageIdentity.token;
      const restored = await refresh(base, 'development', cookie);
      expect(restored.status).toBe(200);
      const body = await restored.json();
      expect(body.profile.email).toBe('zoe.hoffmann@example.com');
      expect(body.backstageIdentity.identity.userEntityRef).toBe(
        'user:default/zhoffmann',
      );
      expect(body.backstageIdentity.token).toEqual(expect.any(String));
      expect(body.backstageIdentity.token).not.toBe(first);
      const viaGet = await fetch(`${base}/refresh?env=development`, {
        headers: { ...XHR, Cookie: cookie },
      });
      expect(viaGet.status).toBe(200);
    });

    it.each([
      ['no cookie', undefined],
      ['a made-up session id', `ldap-session=${'A'.repeat(43)}`],
      ['garbage', 'ldap-session=%00%ff'],
      [
        'a forged unsigned token',
        'ldap-session=eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c2VyOmRlZmF1bHQvemhvZmZtYW5uIn0.',
      ],
    ])('gives nothing for %s', async (_, cookie) => {
      const res = await refresh(base, 'development', cookie);
      expect(res.status).toBe(401);
      const body = await res.json();
      expect(body.error.name).toBe('AuthenticationError');
      expect(body.backstageIdentity).toBeUndefined();
    });

    it('gives nothing for a session of another environment', async () => {
      const cookie = sessionCookie(await login(base, 'development', ZOE))!;
      expect((await refresh(base, 'byname', cookie)).status).toBe(401);
    });

    it('revokes the session on logout; replaying it gets 401', async () => {
      const cookie = sessionCookie(await login(base, 'development', ZOE))!;
      const out = await logout(base, 'development', cookie);
      expect(out.status).toBe(200);
      expect(out.headers.get('set-cookie')).toMatch(/ldap-session=;/);
      const replay = await refresh(base, 'development', cookie);
      expect(replay.status).toBe(401);
    });

    it('ends the session when the user is disabled in LDAP', async () => {
      const cookie = sessionCookie(
        await login(base, 'development', {
          username: 'jsmith',
          password: 'demo-jane-teapot',
        }),
      )!;
      expect((await refresh(base, 'development', cookie)).status).toBe(200);
      const admin = new Client({ url: slapd.url });
      await admin.bind(`cn=admin,dc=example,dc=com`, ROOT_PASSWORD);
      await admin.modify(`uid=jsmith,${PEOPLE_DN}`, [
        new Change({
          operation: 'add',
          modification: new Attribute({
            type: 'employeeType',
            values: ['disabled'],
          }),
        }),
      ]);
      await admin.unbind();
      await new Promise(resolve => setTimeout(resolve, 20));
      expect((await refresh(base, 'development', cookie)).status).toBe(401);
      // and the session is gone for good
      expect((await refresh(base, 'development', cookie)).status).toBe(401);
    });

    it('expires sessions after session.duration', async () => {
      const res = await login(base, 'short', ZOE);
      expect(res.headers.get('set-cookie')).toMatch(/Max-Age=1;/);
      const cookie = sessionCookie(res)!;
      expect((await refresh(base, 'short', cookie)).status).toBe(200);
      await new Promise(resolve => setTimeout(resolve, 1100));
      expect((await refresh(base, 'short', cookie)).status).toBe(401);
    });
  });

  describe('CSRF', () => {
    it('refuses a sign-in without X-Requested-With', async () => {
      const res = await fetch(`${base}/handler/frame?env=development`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(ZOE),
      });
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
    });

    it('refuses a form post', async () => {
      const form = await fetch(`${base}/handler/frame?env=development`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(ZOE).toString(),
      });
      expect(form.status).toBe(401);
      const formWithHeader = await fetch(
        `${base}/handler/frame?env=development`,
        {
          method: 'POST',
          headers: {
            ...XHR,
            'Content-Type': 'application/x-www-form-urlencoded',
          },
          body: new URLSearchParams(ZOE).toString(),
        },
      );
      expect(formWithHeader.status).toBe(400);
      expect(formWithHeader.headers.get('set-cookie')).toBeNull();
    });

    it('refuses a GET sign-in and credentials in the query string', async () => {
      const res = await fetch(
        `${base}/handler/frame?env=development&username=zhoffmann&password=demo-zoe-kettle`,
        { headers: XHR },
      );
      expect(res.status).toBe(400);
    });

    it('refuses a foreign Origin', async () => {
      const res = await login(base, 'development', ZOE, {
        Origin: 'https://evil.example.net',
      });
      expect(res.status).toBe(403);
      const ok = await login(base, 'development', ZOE, { Origin: APP_URL });
      expect(ok.status).toBe(200);
    });

    it('refuses refresh and logout without X-Requested-With', async () => {
      const cookie = sessionCookie(await login(base, 'development', ZOE))!;
      const r = await fetch(`${base}/refresh?env=development`, {
        headers: { Cookie: cookie },
      });
      expect(r.status).toBe(401);
      const l = await fetch(`${base}/logout?env=development`, {
        method: 'POST',
        headers: { Cookie: cookie },
      });
      expect(l.status).toBe(401);
      expect((await refresh(base, 'development', cookie)).status).toBe(200);
    });

    it('has no redirect flow', async () => {
      const res = await fetch(`${base}/start?env=development`);
      expect(res.status).toBe(501);
    });
  });

  describe('directory down', () => {
    it('answers 503 when slapd stops, for sign-in and refresh', async () => {
      const ok = await login(base, 'fragile', ZOE);
      expect(ok.status).toBe(200);
      const cookie = sessionCookie(ok)!;
      await fragile.stop();
      const res = await login(base, 'fragile', ZOE);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({
        error: {
          name: 'ServiceUnavailableError',
          message: 'The directory is unavailable; try again later',
        },
      });
      await new Promise(resolve => setTimeout(resolve, 5));
      const restored = await refresh(base, 'fragile', cookie);
      expect(restored.status).toBe(503);
    });
  });
});
