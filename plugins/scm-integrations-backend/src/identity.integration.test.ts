import { USER_REF } from './__testUtils__/startHealthBackend';
import { type HealthBackend, standinSuite } from './__testUtils__/standinSuite';
import { hostOf, integrationsConfig, TOKENS } from './__testUtils__/standins';

const asUser = (token: string) => ({
  headers: { 'X-Scm-Authorization': `Bearer ${token}` },
});

describe('scm-integrations: as whom the portal acts for the signed-in user', () => {
  const suite = standinSuite();

  const start = (
    options: Partial<Parameters<typeof integrationsConfig>[1]> = {},
  ) =>
    suite.start(
      integrationsConfig(suite.standins, {
        githubToken: TOKENS.githubGood,
        gitlabToken: TOKENS.gitlabGood,
        ...options,
      }),
    );
  const identity = (
    backend: HealthBackend,
    host: string,
    options: { headers?: Record<string, string>; signedIn?: boolean } = {},
  ) => backend.request('/identity', 'POST', { body: { host }, ...options });

  it('lists the hosts with their actForUser policy and sign-in provider, no credentials', async () => {
    const backend = await start({
      actForUser: { hosts: { [hostOf(suite.standins.gitlab)]: 'never' } },
      authProviders: {
        github: {
          development: {
            clientId: 'c',
            clientSecret: 's',
            enterpriseInstanceUrl: suite.standins.github.url,
          },
        },
      },
    });
    const { status, body } = await backend.request('/hosts');
    expect(status).toBe(200);
    expect(body).toEqual([
      {
        integrationType: 'github',
        host: hostOf(suite.standins.github),
        actForUser: 'allow',
        userTokenProvider: 'github',
      },
      {
        integrationType: 'gitlab',
        host: hostOf(suite.standins.gitlab),
        actForUser: 'never',
      },
    ]);
    expect(JSON.stringify(body)).not.toContain(TOKENS.githubGood);
  });

  it('without a user token: the service identity and the login of its token', async () => {
    const backend = await start();
    for (const [standin, credential, login] of [
      [suite.standins.github, 'personal-access-token', 'octo-admin'],
      [suite.standins.gitlab, 'gitlab-token', 'lab-admin'],
    ] as const) {
      const { status, body } = await identity(backend, hostOf(standin));
      expect(status).toBe(200);
      expect(body).toEqual({
        identity: {
          kind: 'service',
          host: hostOf(standin),
          integrationType:
            standin === suite.standins.github ? 'github' : 'gitlab',
          credential,
        },
        login,
        status: 'ok',
        message: expect.stringMatching(
          new RegExp(`^acting as the portal's .* \\(${login}\\)$`),
        ),
      });
    }
  });

  it("with the user's own token: acts as the user and says so in the log, never the token", async () => {
    const backend = await start();
    const github = await identity(
      backend,
      hostOf(suite.standins.github),
      asUser(TOKENS.githubAlice),
    );
    expect(github.status).toBe(200);
    expect(github.body).toEqual({
      identity: {
        kind: 'user',
        host: hostOf(suite.standins.github),
        integrationType: 'github',
        userEntityRef: USER_REF,
      },
      login: 'alice-andersson',
      status: 'ok',
      message: 'acting for you as alice-andersson',
    });
    const gitlab = await identity(
      backend,
      hostOf(suite.standins.gitlab),
      asUser(TOKENS.gitlabAlice),
    );
    expect(gitlab.body).toMatchObject({
      identity: { kind: 'user', integrationType: 'gitlab' },
      login: 'alice',
      status: 'ok',
    });

    const lines = backend.logs.map(l => l.message);
    expect(lines).toContain(
      `SCM identity on ${hostOf(
        suite.standins.github,
      )} for ${USER_REF}: user identity, own token offered → ok: acting for you as alice-andersson`,
    );
    // The broker's own line names the user too.
    expect(lines).toContain(
      `SCM credentials for ${hostOf(
        suite.standins.github,
      )}: acting for user ${USER_REF} with their own token (plugin scm-integrations)`,
    );
    const everything = JSON.stringify(backend.logs);
    expect(everything).not.toContain(TOKENS.githubAlice);
    expect(everything).not.toContain(TOKENS.gitlabAlice);
    expect(JSON.stringify([github.body, gitlab.body])).not.toContain('_token_');
  });

  it("uses the service identity on a host where actForUser is never, even with the user's token", async () => {
    const backend = await start({
      actForUser: { hosts: { [hostOf(suite.standins.github)]: 'never' } },
    });
    const { body } = await identity(
      backend,
      hostOf(suite.standins.github),
      asUser(TOKENS.githubAlice),
    );
    expect(body).toMatchObject({
      identity: { kind: 'service', credential: 'personal-access-token' },
      login: 'octo-admin',
      status: 'ok',
    });
    expect(backend.logs.map(l => l.message)).toContain(
      `SCM identity on ${hostOf(
        suite.standins.github,
      )} for ${USER_REF}: service identity (personal-access-token), own token offered → ok: acting as the portal's personal access token (octo-admin)`,
    );
  });

  it('says plainly when the host refuses the user token', async () => {
    const backend = await start();
    suite.standins.github.faults.set({ revokedTokens: [TOKENS.githubAlice] });
    const { status, body } = await identity(
      backend,
      hostOf(suite.standins.github),
      asUser(TOKENS.githubAlice),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      identity: { kind: 'user' },
      status: 'error',
      message: `401: your token was refused by ${hostOf(
        suite.standins.github,
      )}`,
    });
    expect(body.login).toBeUndefined();
  });

  it('answers 404 naming the configured hosts for any other host, and calls nothing', async () => {
    const backend = await start();
    suite.standins.github.requests.reset();
    const { status, body } = await identity(backend, 'evil.example.com');
    expect(status).toBe(404);
    expect(body.error.message).toBe(
      `No SCM integration for host 'evil.example.com'; configured hosts: ${hostOf(
        suite.standins.github,
      )}, ${hostOf(suite.standins.gitlab)}`,
    );
    expect(suite.standins.github.requests.count()).toBe(0);
  });

  it('refuses a body that is not { host } and a malformed user token header with 400', async () => {
    const backend = await start();
    const url = await backend.request('/identity', 'POST', {
      body: { url: `${suite.standins.github.url}/api/v3` },
    });
    expect(url.status).toBe(400);
    const header = await identity(backend, hostOf(suite.standins.github), {
      headers: { 'X-Scm-Authorization': TOKENS.githubAlice },
    });
    expect(header.status).toBe(400);
    expect(header.body.error.message).toBe(
      "x-scm-authorization must be 'Bearer <your SCM token>'",
    );
    expect(JSON.stringify(header.body)).not.toContain(TOKENS.githubAlice);
  });

  it('answers 401 to a caller who is not signed in', async () => {
    const backend = await start();
    expect(
      (
        await identity(backend, hostOf(suite.standins.github), {
          signedIn: false,
        })
      ).status,
    ).toBe(401);
    expect(
      (await backend.request('/hosts', 'GET', { signedIn: false })).status,
    ).toBe(401);
  });

  it('answers 501 for a host type without a "who am I" call', async () => {
    const config = integrationsConfig(suite.standins, {
      githubToken: TOKENS.githubGood,
      gitlabToken: TOKENS.gitlabGood,
    }) as any;
    config.integrations.bitbucketServer = [
      {
        host: 'bitbucket.example.com',
        apiBaseUrl: 'https://bitbucket.example.com/rest/api/1.0',
        token: 'bbs-token',
      },
    ];
    const backend = await suite.start(config);
    const { status, body } = await identity(backend, 'bitbucket.example.com');
    expect(status).toBe(501);
    expect(body.error.message).toBe(
      'Asking bitbucket.example.com who the portal acts as is not supported for bitbucketServer integrations; only github and gitlab',
    );
  });
});
