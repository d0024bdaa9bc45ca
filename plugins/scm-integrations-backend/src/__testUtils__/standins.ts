import { generateKeyPairSync } from 'node:crypto';
import {
  GithubFixture,
  GitlabFixture,
  RunningStandin,
  startGithubStandin,
  startGitlabStandin,
} from '@internal/scm-standins';
import type { JsonObject } from '@backstage/types';

/** The GitHub App the GitHub stand-in knows. */
export const TEST_APP_ID = 4711;
export const TEST_APP_PRIVATE_KEY = generateKeyPairSync('rsa', {
  modulusLength: 2048,
})
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

const DAY_MS = 24 * 60 * 60 * 1000;

/** The tokens the test stand-ins accept. */
export const TOKENS = {
  /** GitHub: every scope needed, expiring in 90 days. */
  githubGood: 'gh-test-good_token_0000',
  /** GitLab: read_api and read_user, expiring in 90 days. */
  gitlabGood: 'gl-test-good-token-0000',
  /** GitHub: read:org only (the org source also needs user:email). */
  githubNarrow: 'gh-test-narrow_token_0001',
  /** GitHub: every scope needed, expiring in 3 days. */
  githubExpiring: 'gh-test-expiring_token_0002',
  /** GitHub: a fine-grained PAT (GitHub reports no scopes for it). */
  githubFineGrained: 'github_pat_fine_grained_0004',
  /** GitLab: read_user only (the org source needs read_api). */
  gitlabNarrow: 'gl-test-narrow-token-0003',
  /** GitHub: a person's own token (not the portal's), as alice-andersson. */
  githubAlice: 'gho_alice_own_token_0005',
  /** GitLab: a person's own token, as alice. */
  gitlabAlice: 'gl-test-alice-own-token-0006',
};

/** Both stand-ins on random loopback ports, with the extra tokens and the test app. */
export async function startStandins(): Promise<{
  github: RunningStandin;
  gitlab: RunningStandin;
  stop(): Promise<void>;
}> {
  const githubFixture: GithubFixture = {
    users: [
      {
        id: 1001,
        nodeId: 'MDQ6VXNlcjEwMDE=',
        login: 'octo-admin',
        name: 'Octo Admin',
        emails: [],
      },
      {
        id: 1017,
        nodeId: 'MDQ6VXNlcjEwMTc=',
        login: 'alice-andersson',
        name: 'Alice Andersson',
        emails: [],
      },
    ],
    orgs: [
      {
        login: 'example-corp',
        id: 9000,
        name: 'Example Corp',
        verifiedDomains: ['example.com'],
        members: [{ login: 'octo-admin', role: 'ADMIN' }],
        teams: [],
      },
    ],
    tokens: [
      {
        token: TOKENS.githubGood,
        login: 'octo-admin',
        scopes: ['read:org', 'user:email', 'repo'],
        expiresAt: new Date(Date.now() + 90 * DAY_MS).toISOString(),
      },
      { token: TOKENS.githubNarrow, login: 'octo-admin', scopes: ['read:org'] },
      {
        token: TOKENS.githubFineGrained,
        login: 'octo-admin',
        scopes: [],
        fineGrained: true,
      },
      {
        token: TOKENS.githubExpiring,
        login: 'octo-admin',
        scopes: ['admin:org', 'user'],
        expiresAt: new Date(Date.now() + 3 * DAY_MS).toISOString(),
      },
      {
        token: TOKENS.githubAlice,
        login: 'alice-andersson',
        scopes: ['read:user'],
      },
    ],
    oauthApps: [],
    apps: [
      {
        appId: TEST_APP_ID,
        slug: 'identity-portal',
        privateKeyPem: TEST_APP_PRIVATE_KEY,
        installations: [{ id: 47110, account: 'example-corp' }],
      },
    ],
  };
  const gitlabFixture: GitlabFixture = {
    users: [
      {
        id: 2001,
        username: 'lab-admin',
        name: 'Lab Admin',
        email: 'lab-admin@example.com',
        state: 'active',
      },
      {
        id: 2017,
        username: 'alice',
        name: 'Alice Andersson',
        email: 'alice@example.com',
        state: 'active',
      },
    ],
    groups: [
      {
        id: 100,
        name: 'Example Corp',
        path: 'example-corp',
        fullPath: 'example-corp',
        members: [{ userId: 2001, accessLevel: 50 }],
      },
    ],
    tokens: [
      {
        token: TOKENS.gitlabGood,
        username: 'lab-admin',
        scopes: ['read_api', 'read_user'],
        expiresAt: new Date(Date.now() + 90 * DAY_MS)
          .toISOString()
          .slice(0, 10),
      },
      {
        token: TOKENS.gitlabNarrow,
        username: 'lab-admin',
        scopes: ['read_user'],
      },
      { token: TOKENS.gitlabAlice, username: 'alice', scopes: ['read_user'] },
    ],
    oauthApps: [],
  };
  const github = await startGithubStandin({ fixture: githubFixture });
  const gitlab = await startGitlabStandin({ fixture: gitlabFixture });
  return {
    github,
    gitlab,
    stop: async () => {
      await github.stop();
      await gitlab.stop();
    },
  };
}

/** `host:port` of a stand-in. */
export const hostOf = (standin: RunningStandin) => new URL(standin.url).host;

/**
 * Root config with the stand-ins as integrations and the org sources that
 * use them (so that the scopes they need are known).
 */
export function integrationsConfig(
  standins: { github: RunningStandin; gitlab: RunningStandin },
  options: {
    githubToken?: string;
    githubApp?: boolean;
    gitlabToken?: string;
    health?: JsonObject;
    actForUser?: JsonObject;
    /** `auth.providers`, e.g. the GitHub sign-in pointed at the stand-in. */
    authProviders?: JsonObject;
  },
): JsonObject {
  const { github, gitlab } = standins;
  return {
    integrations: {
      github: [
        {
          host: hostOf(github),
          apiBaseUrl: `${github.url}/api/v3`,
          ...(options.githubToken && { token: options.githubToken }),
          ...(options.githubApp && {
            apps: [
              {
                appId: TEST_APP_ID,
                privateKey: TEST_APP_PRIVATE_KEY,
                clientId: 'Iv1.test',
                clientSecret: 'test-app-client-secret',
                webhookSecret: 'test-webhook-secret',
              },
            ],
          }),
        },
      ],
      gitlab: [
        {
          host: hostOf(gitlab),
          apiBaseUrl: `${gitlab.url}/api/v4`,
          baseUrl: gitlab.url,
          ...(options.gitlabToken && { token: options.gitlabToken }),
        },
      ],
    },
    catalog: {
      providers: {
        orgSync: {
          example: {
            sources: {
              github: {
                'demo-github': { host: hostOf(github), orgs: ['example-corp'] },
              },
              gitlab: {
                'demo-gitlab': { host: hostOf(gitlab), group: 'example-corp' },
              },
            },
          },
        },
      },
    },
    ...((options.health || options.actForUser) && {
      scmIntegrations: {
        ...(options.health && { health: options.health }),
        ...(options.actForUser && { actForUser: options.actForUser }),
      },
    }),
    ...(options.authProviders && {
      auth: { providers: options.authProviders },
    }),
  };
}
