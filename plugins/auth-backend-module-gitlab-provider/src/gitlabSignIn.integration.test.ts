import { loadDemoOrg } from '@internal/demo-org';
import { authModuleTransitiveOwnership } from '@identity-portal/plugin-auth-backend-module-transitive-ownership';
import {
  gitlabFixtureFromDemoOrg,
  startGitlabStandin,
} from '@internal/scm-standins';
import {
  APP_URL,
  authBackendStarter,
  demoCatalog,
  runForSuite,
  signInWithConsent,
} from '@identity-portal/plugin-auth-scm-sign-in-node/testUtils';
import { authModuleGitlabProvider } from './module';

const org = loadDemoOrg();
const standin = runForSuite(() =>
  startGitlabStandin({ fixture: gitlabFixtureFromDemoOrg(org), port: 0 }),
);

function env() {
  return {
    clientId: 'demo-gitlab-client',
    clientSecret: 'demo-gitlab-secret',
    audience: standin().url,
  };
}

const startBackend = authBackendStarter(authModuleGitlabProvider, 'gitlab');

/** /start -> the stand-in's consent page as `username` -> /handler/frame. */
const signInAs = (base: string, username: string) =>
  signInWithConsent(base, APP_URL, username);

async function start(options: { gitlabIds: boolean; logLines?: string[] }) {
  return startBackend({
    envs: { development: env() },
    // The stand-in runs on 127.0.0.1: the annotation host is the audience's hostname without port.
    entities: demoCatalog(org, {
      gitlabHost: options.gitlabIds ? '127.0.0.1' : undefined,
    }),
    logLines: options.logLines,
    features: [authModuleTransitiveOwnership],
  });
}

describe('GitLab sign-in through the GitLab stand-in (self-managed style)', () => {
  it('lands alice on user:default/alice by 127.0.0.1/user-id, with her groups and their ancestors', async () => {
    const { backend, base } = await start({ gitlabIds: true });
    try {
      standin().requests.reset();
      const { authorizeUrl, message } = await signInAs(base, 'alice');
      expect(
        authorizeUrl.href.startsWith(`${standin().url}/oauth/authorize?`),
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
      expect(paths).toContain('POST /oauth/token');
      expect(paths).toContain('GET /api/v4/user');
    } finally {
      await backend.stop();
    }
  });

  it('lands alice on the same user by her confirmed email before the GitLab source has merged', async () => {
    const { backend, base } = await start({ gitlabIds: false });
    try {
      const { message } = await signInAs(base, 'alice');
      expect(message.response?.backstageIdentity?.identity.userEntityRef).toBe(
        'user:default/alice',
      );
    } finally {
      await backend.stop();
    }
  });

  it('keeps the session: /refresh (GitLab refresh token) answers the same identity', async () => {
    const { backend, base } = await start({ gitlabIds: true });
    try {
      const { message, cookie } = await signInAs(base, 'alice');
      const refreshed = await fetch(`${base}/refresh?env=development`, {
        headers: { 'X-Requested-With': 'XMLHttpRequest', cookie },
      });
      expect(refreshed.status).toBe(200);
      const body = await refreshed.json();
      expect(body.backstageIdentity.identity).toEqual(
        message.response?.backstageIdentity?.identity,
      );
    } finally {
      await backend.stop();
    }
  });

  it('refuses the outsider with the clear message and logs one line naming what was looked up', async () => {
    const logLines: string[] = [];
    const { backend, base } = await start({ gitlabIds: true, logLines });
    try {
      const { message } = await signInAs(base, 'outsider');
      expect(message.error).toEqual({
        name: 'NotAllowedError',
        message:
          'No portal user matches this GitLab account. Ask your portal admin to add you to the organisation.',
      });
      const warnings = logLines.filter(l => l.startsWith('warn '));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(
        'GitLab sign-in refused for account outsider (id 29999): ' +
          'userIdMatchingUserEntityAnnotation [catalog annotation 127.0.0.1/user-id=29999: 0 user(s)] -> NotFoundError: User not found, ' +
          'verifiedEmailMatchingUserEntityProfileEmail [verified emails at ',
      );
      expect(warnings[0]).toMatch(
        /verifiedEmailMatchingUserEntityProfileEmail \[verified emails at [^\]]*\] -> NotFoundError: /,
      );
      expect(logLines.join('\n')).not.toMatch(/demo-gitlab-secret|outsider@/);
    } finally {
      await backend.stop();
    }
  });
});
