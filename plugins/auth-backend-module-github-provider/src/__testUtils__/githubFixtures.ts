import type { Entity } from '@backstage/catalog-model';
import { catalogUser as sharedCatalogUser } from '@identity-portal/plugin-auth-scm-sign-in-node/testUtils';
import {
  GITHUB_USER_ID_ANNOTATION,
  GithubSignInResult,
} from '../resolvers/githubSignInResolvers';

export const API = 'https://ghe.example.test/api/v3';
export const ACCESS_TOKEN = 'gho_user-access-token-secret';

/** A catalog user as the GitHub org source writes it, its node id in `github.com/user-id`. */
export function catalogUser(
  name: string,
  options: { email?: string; nodeId?: string; memberOf?: string[] } = {},
): Entity {
  const { nodeId, ...rest } = options;
  return sharedCatalogUser(name, {
    ...rest,
    annotations: nodeId ? { [GITHUB_USER_ID_ANNOTATION]: nodeId } : {},
  });
}

/** What the GitHub authenticator hands to the resolvers. */
export function githubResult(
  profile: { login: string; nodeId?: string },
  accessToken = ACCESS_TOKEN,
): { profile: {}; result: GithubSignInResult } {
  return {
    profile: {},
    result: {
      fullProfile: {
        provider: 'github',
        id: '10017',
        displayName: profile.login,
        username: profile.login,
        nodeId: profile.nodeId,
      },
      session: {
        accessToken,
        tokenType: 'bearer',
        scope: 'read:user user:email',
      },
    },
  };
}
