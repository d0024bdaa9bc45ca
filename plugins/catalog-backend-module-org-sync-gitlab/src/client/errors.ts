import { CustomErrorBase } from '@backstage/errors';

/** GitLab answered a request with an error status (after any retries). */
export class GitlabRequestError extends CustomErrorBase {
  name = 'GitlabRequestError' as const;

  constructor(readonly status: number, readonly path: string, detail: string) {
    super(
      `GitLab answered ${status} to GET ${path}${detail ? `: ${detail}` : ''}`,
    );
  }

  /**
   * GitLab's `405 Offset pagination has a maximum allowed offset of 50000`:
   * an offset walk went past the offset limit.
   */
  get isOffsetLimit(): boolean {
    return this.status === 405 && /offset/i.test(this.message);
  }
}

/** The `message` or `error` of a GitLab error body, shortened. */
export async function errorDetail(response: Response): Promise<string> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    return '';
  }
  try {
    const body = JSON.parse(text);
    const message = body?.message ?? body?.error_description ?? body?.error;
    if (message !== undefined) {
      text = typeof message === 'string' ? message : JSON.stringify(message);
    }
  } catch {
    // Not JSON: keep the text.
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}
