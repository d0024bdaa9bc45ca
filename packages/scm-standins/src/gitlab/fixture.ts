/** A GitLab account. */
export interface GitlabFixtureUser {
  id: number;
  username: string;
  name: string;
  /** The primary email (returned as `email`, as to an admin token). */
  email: string;
  /** The public profile email; empty when not public. */
  publicEmail?: string;
  state: 'active' | 'blocked';
  isAdmin?: boolean;
}

/** GitLab access levels: 10 guest, 20 reporter, 30 developer, 40 maintainer, 50 owner. */
export type GitlabAccessLevel = 10 | 20 | 30 | 40 | 50;

export interface GitlabFixtureGroup {
  id: number;
  name: string;
  /** The last path segment. */
  path: string;
  /** The full path, e.g. `example-corp/engineering`. */
  fullPath: string;
  parentId?: number;
  description?: string;
  /** Direct members. */
  members: Array<{ userId: number; accessLevel: GitlabAccessLevel }>;
}

export interface GitlabFixtureToken {
  token: string;
  username: string;
  scopes: string[];
  /** ISO date (YYYY-MM-DD) or undefined for no expiry. */
  expiresAt?: string;
  /** Token id in `/personal_access_tokens/self`; default: its position in the list + 1. */
  id?: number;
  /** Token name in `/personal_access_tokens/self`; default `token <id>`. */
  name?: string;
}

export interface GitlabFixtureOAuthApp {
  clientId: string;
  clientSecret: string;
  name: string;
}

/** Everything the GitLab stand-in serves. */
export interface GitlabFixture {
  users: GitlabFixtureUser[];
  groups: GitlabFixtureGroup[];
  tokens: GitlabFixtureToken[];
  oauthApps: GitlabFixtureOAuthApp[];
  /** Usernames offered on the consent page; default: every user. */
  consentUsernames?: string[];
}

export const DEMO_GITLAB_GROUP = 'example-corp';
export const DEMO_GITLAB_CLIENT_ID = 'demo-gitlab-client';
export const DEMO_GITLAB_CLIENT_SECRET = 'demo-gitlab-secret';
export const DEMO_GITLAB_TOKEN = 'demo-gitlab-token';
export const DEMO_GITLAB_TOKEN_SCOPES = ['read_api', 'read_user'];
export const GITLAB_OUTSIDER = {
  username: 'outsider',
  id: 29999,
  email: 'outsider@elsewhere.test',
};
