/** An email address of a GitHub account, as `/user/emails` lists it. */
export interface GithubFixtureEmail {
  email: string;
  verified: boolean;
  primary: boolean;
}

/** A GitHub account. */
export interface GithubFixtureUser {
  /** Numeric REST id (`databaseId` in GraphQL). */
  id: number;
  /** GraphQL node id (`id` in GraphQL, `node_id` in REST). */
  nodeId: string;
  login: string;
  name: string;
  /** The public profile email, if any. */
  publicEmail?: string;
  emails: GithubFixtureEmail[];
  bio?: string;
  /** ISO timestamp when the account is suspended (GitHub Enterprise). */
  suspendedAt?: string;
}

export interface GithubFixtureTeamMember {
  login: string;
  role: 'MAINTAINER' | 'MEMBER';
}

export interface GithubFixtureTeam {
  slug: string;
  name: string;
  description?: string;
  /** Slug of the parent team in the same organisation. */
  parentSlug?: string;
  /** Numeric id; node id derived from it. */
  id: number;
  members: GithubFixtureTeamMember[];
}

export interface GithubFixtureOrg {
  login: string;
  id: number;
  name: string;
  /** Domains verified by the organisation (drive organizationVerifiedDomainEmails). */
  verifiedDomains: string[];
  members: Array<{ login: string; role: 'ADMIN' | 'MEMBER' }>;
  teams: GithubFixtureTeam[];
}

/** A personal access token and whose it is. */
export interface GithubFixtureToken {
  token: string;
  login: string;
  /** Classic PAT scopes (sent as `x-oauth-scopes`); ignored for fine-grained tokens. */
  scopes: string[];
  /**
   * ISO timestamp at which the token expires: answers carry
   * `github-authentication-token-expiration` and, once past, the token gets
   * 401 Bad credentials. Undefined: the token does not expire.
   */
  expiresAt?: string;
  /** A fine-grained PAT: GitHub sends no `x-oauth-scopes` header for it. */
  fineGrained?: boolean;
}

export interface GithubFixtureOAuthApp {
  clientId: string;
  clientSecret: string;
  name: string;
}

/** GitHub App permissions, e.g. `{ members: 'read', metadata: 'read' }`. */
export type GithubAppPermissions = Record<string, 'read' | 'write' | 'admin'>;

/** The permissions an app and its installations have unless the fixture says otherwise. */
export const DEFAULT_GITHUB_APP_PERMISSIONS: GithubAppPermissions = {
  members: 'read',
  metadata: 'read',
};

/** A GitHub App: its JWTs are checked against the key (RS256). */
export interface GithubFixtureApp {
  appId: number;
  slug?: string;
  /** Display name; default: the slug. */
  name?: string;
  /** Login of the account owning the app; default: the first installation's account. */
  owner?: string;
  /** PEM of the app's public key, or of its private key (the public part is derived). */
  publicKeyPem?: string;
  privateKeyPem?: string;
  /** What the app asks for; default {@link DEFAULT_GITHUB_APP_PERMISSIONS}. */
  permissions?: GithubAppPermissions;
  installations: Array<{
    id: number;
    account: string;
    /** What this installation granted; default: the app's permissions. */
    permissions?: GithubAppPermissions;
  }>;
}

/** Everything the GitHub stand-in serves. */
export interface GithubFixture {
  users: GithubFixtureUser[];
  orgs: GithubFixtureOrg[];
  tokens: GithubFixtureToken[];
  oauthApps: GithubFixtureOAuthApp[];
  apps?: GithubFixtureApp[];
  /** Logins offered on the consent page; default: every user. */
  consentLogins?: string[];
}

export const DEMO_GITHUB_ORG = 'example-corp';
export const DEMO_GITHUB_CLIENT_ID = 'demo-github-client';
export const DEMO_GITHUB_CLIENT_SECRET = 'demo-github-secret';
export const DEMO_GITHUB_TOKEN = 'demo-github-token';
export const DEMO_GITHUB_TOKEN_SCOPES = ['read:org', 'read:user', 'user:email'];
export const GITHUB_OUTSIDER = {
  login: 'outsider-octocat',
  id: 19999,
  email: 'outsider@elsewhere.test',
};

/** The legacy GraphQL node id of a user: base64 of `04:User<id>`. */
export function githubNodeId(kind: string, id: number): string {
  const prefix = `0${kind.length}:`;
  return Buffer.from(`${prefix}${kind}${id}`, 'utf8').toString('base64');
}
