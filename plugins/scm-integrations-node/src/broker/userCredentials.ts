import type { ScmCredentials } from '../types';
import type { MatchedIntegration } from './findIntegration';

/**
 * Credentials acting as the signed-in user: their own OAuth token as a
 * bearer token (GitHub, GitLab, Bitbucket and Azure DevOps all accept it).
 */
export function userCredentials(
  integration: MatchedIntegration,
  token: string,
  userEntityRef: string | undefined,
): ScmCredentials {
  return {
    headers: { Authorization: `Bearer ${token}` },
    token,
    identity: {
      kind: 'user',
      host: integration.host,
      integrationType: integration.type,
      ...(userEntityRef ? { userEntityRef } : {}),
    },
  };
}
