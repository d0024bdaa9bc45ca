import type { GitlabSignInResult } from '../resolvers/gitlabSignInResolvers';

/** What the GitLab authenticator hands to the resolvers. */
export function gitlabResult(user: {
  id?: string;
  username: string;
  email?: string;
  confirmed?: boolean;
}): { profile: {}; result: GitlabSignInResult } {
  return {
    profile: {},
    result: {
      fullProfile: {
        provider: 'gitlab',
        id: user.id as string,
        displayName: user.username,
        username: user.username,
        profileUrl: `https://gitlab.example.com/${user.username}`,
        _json: {
          email: user.email,
          confirmed_at:
            user.confirmed === false ? null : '2024-01-01T00:00:00Z',
        },
      } as GitlabSignInResult['fullProfile'],
      session: {
        accessToken: 'gl-test-user-token',
        tokenType: 'bearer',
        scope: 'read_user',
      },
    },
  };
}
