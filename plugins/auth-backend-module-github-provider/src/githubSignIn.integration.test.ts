import { loadDemoOrg } from '@internal/demo-org';
import { authModuleTransitiveOwnership } from '@identity-portal/plugin-auth-backend-module-transitive-ownership';
import {
  githubFixtureFromDemoOrg,
  startGithubStandin,
} from '@internal/scm-standins';
import {
  APP_URL,
  authBackendStarter,
  demoCatalog,
  runForSuite,
  signInWithConsent,
} from '@identity-portal/plugin-auth-scm-sign-in-node/testUtils';
import { authModuleGithubProvider } from './module';

const org = loadDemoOrg();
const standin = runForSuite(() =>
  startGithubStandin({ fixture: githubFixtureFromDemoOrg(org), port: 0 }),
);

function env() {
  return {
    clientId: 'demo-github-client',
    clientSecret: 'demo-github-secret',
    enterpriseInstanceUrl: standin().url,
  };
}

const startBackend = authBackendStarter(authModuleGithubProvider, 'github');

/** /start -> the stand-in's consent page as `login` -> /handler/frame. */
const signInAs = (base: string, login: string) =>
  signInWithConsent(base, APP_URL, login);

async function start(options: { githubIds: boolean; logLines?: string[] }) {
  return startBackend({
    envs: { development: env() },
    entities: demoCatalog(org, { githubIds: options.githubIds }),
    logLines: options.logLines,
    features: [authModuleTransitiveOwnership],
  });
}

describe('GitHub sign-in through the GitHub stand-in (GHE-style)', () => {
  it('lands alice on user:default/alice by github.com/user-id, with her groups and their ancestors', async () => {
    const { backend, base } = await start({ githubIds: true });
    try {
      standin().requests.reset();
      const { authorizeUrl, message } = await signInAs(base, 'alice-andersson');
      expect(
        authorizeUrl.href.startsWith(`${standin().url}/login/oauth/authorize?`),
      ).toBe(true);
      expect(message.error).toBeUndefined();
      expect(message.response?.backstageIdentity?.identity).toEqual({
        type: 'user',
        userEntityRef: 'user:default/alice',
        ownershipEntityRefs: [
          'user:default/alice',
          'group:default/platform-team',
          'group:default/engineering',
        ],
      });
      const paths = standin()
        .requests.list()
        .map(r => `${r.method} ${r.path}`);
      expect(paths).toContain('POST /login/oauth/access_token');
      expect(paths).toContain('GET /api/v3/user');
      // The stable id matched: the email list was not needed.
      expect(paths).not.toContain('GET /api/v3/user/emails');
    } finally {
      await backend.stop();
    }
  });

  it('lands alice on the same user by verified email before the GitHub source has merged', async () => {
    const { backend, base } = await start({ githubIds: false });
    try {
      standin().requests.reset();
      const { message } = await signInAs(base, 'alice-andersson');
      expect(message.response?.backstageIdentity?.identity.userEntityRef).toBe(
        'user:default/alice',
      );
      expect(
        standin()
          .requests.list()
          .map(r => `${r.method} ${r.path}`),
      ).toContain('GET /api/v3/user/emails');
    } finally {
      await backend.stop();
    }
  });

  it('keeps the session: /refresh answers the same identity from the session cookie', async () => {
    const { backend, base } = await start({ githubIds: true });
    try {
      const { message, cookie } = await signInAs(base, 'alice-andersson');
      const refreshed = await fetch(`${base}/refresh?env=development`, {
        headers: { 'X-Requested-With': 'XMLHttpRequest', cookie },
      });
      expect(refreshed.status).toBe(200);
      const body = await refreshed.json();
      expect(body.backstageIdentity.identity).toEqual(
        message.response?.backstageIdentity?.identity,
      );
      const withoutCookie = await fetch(`${base}/refresh?env=development`, {
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
      });
      expect(withoutCookie.status).toBe(401);
    } finally {
      await backend.stop();
    }
  });

  it('refuses outsider-octocat with the clear message and logs one line naming what was looked up', async () => {
    const logLines: string[] = [];
    const { backend, base } = await start({ githubIds: true, logLines });
    try {
      const { message } = await signInAs(base, 'outsider-octocat');
      expect(message.error).toEqual({
        name: 'NotAllowedError',
        message:
          'No portal user matches this GitHub account. Ask your portal admin to add you to the organisation.',
      });
      const warnings = logLines.filter(l => l.startsWith('warn '));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(
        /GitHub sign-in refused for account outsider-octocat \(node id \S+\): userIdMatchingUserEntityAnnotation \[catalog annotation github\.com\/user-id=\S+: 0 user\(s\)\] -> NotFoundError: User not found, verifiedEmailMatchingUserEntityProfileEmail \[verified emails at elsewhere\.test; catalog spec\.profile\.email at elsewhere\.test: 0 user\(s\)\] -> NotFoundError/,
      );
      expect(logLines.join('\n')).not.toMatch(/demo-github-secret|outsider@/);
    } finally {
      await backend.stop();
    }
  });
});
