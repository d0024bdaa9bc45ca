import { NotImplementedError } from '@backstage/errors';
import type {
  ScmIdentity,
  ScmIdentityAnswer,
} from '@identity-portal/plugin-scm-integrations-common';
import type { ScmCredentials } from '@identity-portal/plugin-scm-integrations-node';
import { callApi, CheckFailure } from '../health/checkers/http';
import type { DirectoryEntry } from './hostDirectory';

/** `<type>`s whose "who am I" call this plugin knows: `GET {apiBaseUrl}/user`, and the login field. */
const LOGIN_FIELD = { github: 'login', gitlab: 'username' } as const;

const KIND_LABELS: Record<string, string> = {
  'personal-access-token': 'personal access token',
  'gitlab-token': 'GitLab token',
  'github-app': 'GitHub App',
};

/** `the portal's personal access token`, `the portal's GitHub App 4711`, `your own token`. */
export function describeIdentity(identity: ScmIdentity): string {
  if (identity.kind === 'user') return 'your own token';
  const label = KIND_LABELS[identity.credential] ?? identity.credential;
  return `the portal's ${label}${
    identity.appId !== undefined ? ` ${identity.appId}` : ''
  }`;
}

/** Throws a 501 for host types without a "who am I" call here. */
export function assertWhoAmISupported(entry: DirectoryEntry): void {
  if (!(entry.integrationType in LOGIN_FIELD) || !entry.apiBaseUrl) {
    throw new NotImplementedError(
      `Asking ${entry.host} who the portal acts as is not supported for ${entry.integrationType} integrations; only github and gitlab`,
    );
  }
}

/**
 * Asks the host's own "who am I" (`GET {apiBaseUrl}/user`, GitHub and
 * GitLab) with the credentials the broker chose. A refusal or a network
 * fault is an `error` answer, never an exception; no message contains the
 * token. A GitHub App installation and an anonymous identity have no user
 * account to ask for, and are described without a call.
 */
export async function whoAmI(
  entry: DirectoryEntry,
  credentials: ScmCredentials,
  timeoutMs: number,
): Promise<ScmIdentityAnswer> {
  const { identity } = credentials;
  const field = LOGIN_FIELD[entry.integrationType as keyof typeof LOGIN_FIELD];
  const who = describeIdentity(identity);
  if (identity.kind === 'service' && identity.credential === 'none') {
    return {
      identity,
      status: 'ok',
      message: `${entry.host} has no credentials in the portal: requests are anonymous`,
    };
  }
  if (identity.kind === 'service' && identity.credential === 'github-app') {
    return { identity, status: 'ok', message: `acting as ${who}` };
  }
  let answer;
  try {
    answer = await callApi(
      `${entry.apiBaseUrl}/user`,
      { headers: credentials.headers },
      { signal: AbortSignal.timeout(timeoutMs), timeoutMs },
    );
  } catch (error) {
    if (error instanceof CheckFailure) {
      return { identity, status: 'error', message: error.message };
    }
    throw error;
  }
  if (answer.status === 401) {
    const whose = identity.kind === 'user' ? 'your' : `the portal's`;
    return {
      identity,
      status: 'error',
      message: `401: ${whose} token was refused by ${entry.host}`,
    };
  }
  const login = (answer.body as Record<string, unknown> | undefined)?.[field];
  if (answer.status !== 200 || typeof login !== 'string') {
    return {
      identity,
      status: 'error',
      message: `${answer.status} from GET /user on ${entry.host}: no account in the answer`,
    };
  }
  return {
    identity,
    login,
    status: 'ok',
    message:
      identity.kind === 'user'
        ? `acting for you as ${login}`
        : `acting as ${who} (${login})`,
  };
}
