import { startAuthBackend, XHR } from './__testUtils__/ldapBackend';

const env = {
  url: 'ldap://127.0.0.1:1',
  bind: { dn: 'cn=reader,dc=example,dc=com', password: 'x' },
  users: {
    baseDn: 'ou=people,dc=example,dc=com',
    filter: '(uid={username})',
  },
};

describe('authModuleLdapProvider', () => {
  it('serves /api/auth/ldap and selects the environment from ?env', async () => {
    const { backend, base } = await startAuthBackend({
      envs: { development: env },
      entities: [],
    });
    try {
      const noEnv = await fetch(`${base}/refresh`, { headers: XHR });
      expect(noEnv.status).toBe(400);
      const unknownEnv = await fetch(`${base}/refresh?env=production`, {
        headers: XHR,
      });
      expect(unknownEnv.status).toBe(404);
      const noSession = await fetch(`${base}/refresh?env=development`, {
        headers: XHR,
      });
      expect(noSession.status).toBe(401);
    } finally {
      await backend.stop();
    }
  });

  it('fails start-up on invalid config, naming the key', async () => {
    await expect(
      startAuthBackend({
        envs: {
          production: { ...env, users: { ...env.users, filter: '(uid=x)' } },
        },
        entities: [],
      }),
    ).rejects.toThrow(
      /auth\.providers\.ldap\.production\.users\.filter must contain \{username\}/,
    );
  });
});
