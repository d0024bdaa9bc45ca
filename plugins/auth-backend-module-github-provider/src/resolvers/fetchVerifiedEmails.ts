import { ResponseError } from '@backstage/errors';

interface GithubEmail {
  email: string;
  verified: boolean;
  primary: boolean;
}

/**
 * The verified emails of the signed-in GitHub account, primary first:
 * `GET <apiBaseUrl>/user/emails` with the user's access token (scope
 * `user:email`). Throws a `ResponseError` when GitHub refuses.
 */
export async function fetchVerifiedEmails(
  apiBaseUrl: string,
  accessToken: string,
): Promise<string[]> {
  const response = await fetch(`${apiBaseUrl}/user/emails?per_page=100`, {
    headers: {
      Accept: 'application/vnd.github+json',
      Authorization: `Bearer ${accessToken}`,
    },
  });
  if (!response.ok) {
    throw await ResponseError.fromResponse(response);
  }
  const emails = (await response.json()) as GithubEmail[];
  return emails
    .filter(e => e.verified === true && typeof e.email === 'string')
    .sort((a, b) => Number(b.primary) - Number(a.primary))
    .map(e => e.email);
}
