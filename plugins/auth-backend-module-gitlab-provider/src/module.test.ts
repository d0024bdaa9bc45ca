import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  APP_URL,
  catalogUser,
  signInWithCode,
  authBackendStarter,
} from '@identity-portal/plugin-auth-scm-sign-in-node/testUtils';
import { authModuleGitlabProvider } from './module';

const GITLAB = 'https://gitlab.example.com';
const ACCESS_TOKEN = 'gl-test-msw-user-token-0123456789';
const CLIENT_SECRET = 'msw-gitlab-secret-abcdef';
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** A self-managed GitLab's OAuth token endpoint and /api/v4/user for one account. */
function selfManagedGitlab(user: object) {
  server.use(
    http.post(`${GITLAB}/oauth/token`, async ({ request }) => {
      const body = new URLSearchParams(await request.text());
      if (body.get('client_secret') !== CLIENT_SECRET) {
        return HttpResponse.json({ error: 'invalid_client' }, { status: 401 });
      }
      return HttpResponse.json({
        access_token: ACCESS_TOKEN,
        refresh_token: 'glrt-refresh-token-secret',
        token_type: 'Bearer',
        expires_in: 7200,
        scope: 'read_user',
      });
    }),
    http.get(`${GITLAB}/api/v4/user`, ({ request }) =>
      request.headers.get('authorization') === `Bearer ${ACCESS_TOKEN}`
        ? HttpResponse.json(user)
        : HttpResponse.json({ message: '401 Unauthorized' }, { status: 401 }),
    ),
  );
}

const env = {
  clientId: 'msw-client',
  clientSecret: CLIENT_SECRET,
  audience: GITLAB,
};
const entities = [
  catalogUser('alice', {
    email: 'alice@example.com',
    annotations: { 'gitlab.example.com/user-id': '20017' },
    memberOf: ['platform-team'],
  }),
];

const signIn = (base: string) =>
  signInWithCode(base, APP_URL, 'code-from-gitlab');

const startGitlabAuthBackend = authBackendStarter(
  authModuleGitlabProvider,
  'gitlab',
);

const user = (over: object) => ({
  id: 20017,
  username: 'alice',
  name: 'Alice Andersson',
  email: 'alice@example.com',
  confirmed_at: '2024-01-01T00:00:00Z',
  web_url: `${GITLAB}/alice`,
  state: 'active',
  ...over,
});

describe('authModuleGitlabProvider (self-managed GitLab mocked with msw)', () => {
  it('sends the browser to <audience>/oauth/authorize and signs in by the stable id', async () => {
    selfManagedGitlab(user({}));
    const { backend, base } = await startGitlabAuthBackend({
      envs: { development: env },
      entities,
    });
    try {
      const { authorizeUrl, message } = await signIn(base);
      expect(authorizeUrl.origin + authorizeUrl.pathname).toBe(
        `${GITLAB}/oauth/authorize`,
      );
      expect(authorizeUrl.searchParams.get('scope')).toBe('read_user');
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

  it('falls through to the confirmed email when the id is unknown', async () => {
    selfManagedGitlab(
      user({ id: 555, username: 'alice-new', email: 'ALICE@example.com' }),
    );
    const { backend, base } = await startGitlabAuthBackend({
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
    selfManagedGitlab(
      user({
        id: 29999,
        username: 'outsider',
        email: 'outsider@elsewhere.test',
        web_url: `${GITLAB}/outsider`,
      }),
    );
    const logLines: string[] = [];
    const { backend, base } = await startGitlabAuthBackend({
      envs: { development: env },
      entities,
      logLines,
    });
    try {
      const { message } = await signIn(base);
      expect(message.error).toEqual({
        name: 'NotAllowedError',
        message:
          'No portal user matches this GitLab account. Ask your portal admin to add you to the organisation.',
      });
      const warnings = logLines.filter(l =>
        l.startsWith('warn GitLab sign-in refused'),
      );
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(
        'account outsider (id 29999): ' +
          'userIdMatchingUserEntityAnnotation [catalog annotation gitlab.example.com/user-id=29999: 0 user(s)] -> NotFoundError: User not found, ' +
          'verifiedEmailMatchingUserEntityProfileEmail [verified emails at elsewhere.test; catalog spec.profile.email at elsewhere.test: 0 user(s)] -> NotFoundError',
      );
      for (const line of logLines) {
        expect(line).not.toContain(ACCESS_TOKEN);
        expect(line).not.toContain(CLIENT_SECRET);
        expect(line).not.toContain('glrt-refresh-token-secret');
        expect(line).not.toContain('outsider@');
      }
    } finally {
      await backend.stop();
    }
  });

  it('fails start-up on invalid config, naming the key', async () => {
    await expect(
      startGitlabAuthBackend({
        envs: { production: { ...env, audience: 'not a url' } },
        entities,
      }),
    ).rejects.toThrow('auth.providers.gitlab.production.audience');
  });
});
