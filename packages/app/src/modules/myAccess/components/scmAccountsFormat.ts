import type {
  ScmIdentity,
  ScmIntegrationType,
} from '@identity-portal/plugin-scm-integrations-common';

/** `GitHub`, `GitLab`, … */
export const INTEGRATION_TITLES: Record<ScmIntegrationType, string> = {
  github: 'GitHub',
  gitlab: 'GitLab',
  bitbucketCloud: 'Bitbucket Cloud',
  bitbucketServer: 'Bitbucket Server',
  azure: 'Azure DevOps',
};

const CREDENTIAL_LABELS: Record<string, string> = {
  'personal-access-token': 'personal access token',
  'gitlab-token': 'GitLab token',
  'github-app': 'GitHub App',
  'bitbucket-app-password': 'Bitbucket app password',
  'bitbucket-oauth-client': 'Bitbucket OAuth consumer',
  'basic-auth': 'username and password',
  'azure-pat': 'Azure DevOps personal access token',
  'azure-client-secret': 'Azure service principal',
  'azure-managed-identity': 'Azure managed identity',
};

/**
 * Whom the portal's requests act as, for a person: `the portal's personal access token (zoe-hoffmann)`,
 * `the portal's GitHub App 4711`, `you (alice-andersson)`.
 */
export function describeActingAs(identity: ScmIdentity, login?: string) {
  const account = login ? ` (${login})` : '';
  if (identity.kind === 'user') return `you${account}`;
  if (identity.credential === 'none') {
    return 'nobody: requests are anonymous (public data only)';
  }
  const label = CREDENTIAL_LABELS[identity.credential] ?? identity.credential;
  const app = identity.appId !== undefined ? ` ${identity.appId}` : '';
  return `the portal's ${label}${app}${account}`;
}

/** The sentence for a failed "Connect your … account" (popup closed or blocked, refused sign-in). */
export function describeConnectError(error: unknown, title: string): string {
  const { name, message } = (error ?? {}) as {
    name?: string;
    message?: string;
  };
  switch (name) {
    case 'PopupClosedError':
      return `Connecting your ${title} account was cancelled: the ${title} window was closed`;
    case 'PopupRejectedError':
      return `The browser blocked the ${title} window; allow pop-ups for this site and try again`;
    default:
      return `Connecting your ${title} account failed: ${
        message ?? String(error)
      }`;
  }
}
