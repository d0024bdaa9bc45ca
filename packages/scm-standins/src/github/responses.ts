import { jsonResponse, StandinResponse } from '../common/http';

const DOCS = 'https://docs.github.com/rest';

/** GitHub's REST error body. */
export function githubError(
  status: number,
  message: string,
  headers?: Record<string, string>,
): StandinResponse {
  return jsonResponse(
    status,
    { message, documentation_url: DOCS, status: String(status) },
    headers,
  );
}

export const badCredentials = () => githubError(401, 'Bad credentials');

export const requiresAuthentication = () =>
  githubError(401, 'Requires authentication');

export const notFound = () => githubError(404, 'Not Found');
