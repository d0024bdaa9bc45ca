import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  APP_URL,
  signInWithCode,
  authBackendStarter,
} from '@identity-portal/plugin-auth-scm-sign-in-node/testUtils';
import { catalogUser } from './__testUtils__/githubFixtures';
import { authModuleGithubProvider } from './module';

const ACCESS_TOKEN = 'gho_msw-user-token-0123456789';
const CLIENT_SECRET = 'msw-client-secret-abcdef';
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Account = {
  login: string;
  id: number;
  node_id: string;
  email: string | null;
};

/** github.com's OAuth and REST endpoints for one account and its emails. */
function githubCom(account: Account, emails: object[]) {
  server.use(
    http.post(
      'https://github.com/login/oauth/access_token',
      async ({ request }) => {
        const body = new URLSearchParams(await request.text());
        if (body.get('client_secret') !== CLIENT_SECRET) {
          return HttpResponse.json({ error: 'incorrect_client_credentials' });
        }
        return HttpResponse.json({
          access_token: ACCESS_TOKEN,
          token_type: 'bearer',
          scope: 'read:user,user:email',
        });
      },
    ),
    http.get('https://api.github.com/user', () => HttpResponse.json(account)),
    http.get('https://api.github.com/user/emails', ({ request }) =>
      request.headers.get('authorization') === `Bearer ${ACCESS_TOKEN}`
        ? HttpResponse.json(emails)
        : HttpResponse.json({ message: 'Bad credentials' }, { status: 401 }),
    ),
  );
}

const env = { clientId: 'msw-client', clientSecret: CLIENT_SECRET };
const entities = [
  catalogUser('alice', {
    email: 'alice@example.com',
    nodeId: 'MDQ6VXNlcjEwMDE3',
    memberOf: ['platform-team'],
  }),
];

const signIn = (base: string) =>
  signInWithCode(base, APP_URL, 'code-from-github');

const startGithubAuthBackend = authBackendStarter(
  authModuleGithubProvider,
  'github',
);

describe('authModuleGithubProvider (github.com mocked with msw)', () => {
  it('asks for read:user and user:email, and signs in by the stable id', async () => {
    githubCom(
      {
        login: 'alice-andersson',
        id: 10017,
        node_id: 'MDQ6VXNlcjEwMDE3',
        email: null,
      },
      [],
    );
    const { backend, base } = await startGithubAuthBackend({
      envs: { development: env },
      entities,
    });
    try {
      const { authorizeUrl, message } = await signIn(base);
      expect(authorizeUrl.origin + authorizeUrl.pathname).toBe(
        'https://github.com/login/oauth/authorize',
      );
      expect(
        authorizeUrl.searchParams.get('scope')?.split(/[ ,]/).sort(),
      ).toEqual(['read:user', 'user:email']);
      expect(message.error).toBeUndefined();
      expect(message.response?.backstageIdentity?.identity).toMatchObject({
        userEntityRef: 'user:default/alice',
        ownershipEntityRefs: [
          'user:default/alice',
          'group:default/platform-team',
        ],
      });
    } finally {
      await backend.stop();
    }
  });

  it('falls through to a verified email when the id is not in the catalog', async () => {
    githubCom(
      {
        login: 'alice-new',
        id: 777,
        node_id: 'MDQ6VXNlcjc3Nw==',
        email: 'public@else.test',
      },
      [{ email: 'ALICE@example.com', verified: true, primary: true }],
    );
    const { backend, base } = await startGithubAuthBackend({
      envs: { development: env },
      entities,
    });
    try {
      const { message } = await signIn(base);
      expect(message.response?.backstageIdentity?.identity.userEntityRef).toBe(
        'user:default/alice',
      );
    } finally {
      await backend.stop();
    }
  });

  it('refuses an unknown account with a generic message and one warn line without secrets', async () => {
    githubCom(
      {
        login: 'outsider-octocat',
        id: 19999,
        node_id: 'MDQ6VXNlcjE5OTk5',
        email: 'alice@example.com',
      },
      [
        { email: 'alice@example.com', verified: false, primary: true },
        { email: 'outsider@elsewhere.test', verified: true, primary: false },
      ],
    );
    const logLines: string[] = [];
    const { backend, base } = await startGithubAuthBackend({
      envs: { development: env },
      entities,
      logLines,
    });
    try {
      const { message } = await signIn(base);
      expect(message.response).toBeUndefined();
      expect(message.error).toEqual({
        name: 'NotAllowedError',
        message:
          'No portal user matches this GitHub account. Ask your portal admin to add you to the organisation.',
      });
      const warnings = logLines.filter(l =>
        l.startsWith('warn GitHub sign-in refused'),
      );
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(
        'account outsider-octocat (node id MDQ6VXNlcjE5OTk5): ' +
          'userIdMatchingUserEntityAnnotation [catalog annotation github.com/user-id=MDQ6VXNlcjE5OTk5: 0 user(s)] -> NotFoundError: User not found, ' +
          'verifiedEmailMatchingUserEntityProfileEmail [verified emails at elsewhere.test; catalog spec.profile.email at elsewhere.test: 0 user(s)] -> NotFoundError',
      );
      for (const line of logLines) {
        expect(line).not.toContain(ACCESS_TOKEN);
        expect(line).not.toContain(CLIENT_SECRET);
        expect(line).not.toContain('outsider@');
      }
    } finally {
      await backend.stop();
    }
  });

  it('enforces allowedDomains from signIn.resolvers', async () => {
    githubCom(
      { login: 'alice-new', id: 777, node_id: 'MDQ6VXNlcjc3Nw==', email: null },
      [{ email: 'alice@example.com', verified: true, primary: true }],
    );
    const { backend, base } = await startGithubAuthBackend({
      envs: {
        development: {
          ...env,
          signIn: {
            resolvers: [
              { resolver: 'userIdMatchingUserEntityAnnotation' },
              {
                resolver: 'verifiedEmailMatchingUserEntityProfileEmail',
                allowedDomains: ['corp.example'],
              },
            ],
          },
        },
      },
      entities,
    });
    try {
      const { message } = await signIn(base);
      expect(message.error?.name).toBe('NotAllowedError');
    } finally {
      await backend.stop();
    }
  });

  it('fails start-up on invalid config, naming the key', async () => {
    await expect(
      startGithubAuthBackend({
        envs: {
          production: {
            ...env,
            signIn: { resolvers: [{ resolver: 'noSuchResolver' }] },
          },
        },
        entities,
      }),
    ).rejects.toThrow(
      "auth.providers.github.production.signIn.resolvers[0].resolver 'noSuchResolver' is not available",
    );
  });
});
