import { SignInError } from './ldap/PasswordSessionClient';

const INVALID_CREDENTIALS = 'Invalid username or password';

function seconds(n: number) {
  return n === 1 ? '1 second' : `${n} seconds`;
}

/** The message the sign-in page shows for a failed sign-in with the given provider. */
export function describeSignInError(
  error: unknown,
  provider: 'LDAP' | 'Guest' = 'LDAP',
): string {
  if (!(error instanceof SignInError)) {
    return `Sign-in failed: ${String((error as Error)?.message ?? error)}`;
  }
  switch (error.status) {
    case 0:
      return 'Cannot reach the portal; check your connection and try again';
    case 401:
      if (provider !== 'LDAP') return `${provider} sign-in was refused`;
      // The backend answers every refused sign-in with the same message; a different one (e.g. "no portal
      // user matches this account", sent only after a correct password) is shown as it is.
      return error.serverMessage ?? INVALID_CREDENTIALS;
    case 429:
      return error.retryAfterSeconds !== undefined
        ? `Too many attempts; try again in ${seconds(error.retryAfterSeconds)}`
        : 'Too many attempts; try again later';
    case 503:
      return 'The directory is unavailable; try again later';
    case 404:
      return `${provider} sign-in is not enabled in the portal backend`;
    default:
      return `Sign-in failed: ${error.message}`;
  }
}

/**
 * The message for a failed GitHub/GitLab popup sign-in. The backend's refusal ("No portal user matches this
 * GitHub account. ...") is shown as it is; the browser-side failures get their own sentence.
 */
export function describeScmSignInError(error: unknown, title: string): string {
  const { name, message } = (error ?? {}) as {
    name?: string;
    message?: string;
  };
  switch (name) {
    case 'PopupClosedError':
      return message?.includes('Incorrect app origin')
        ? `${title} sign-in failed: ${message}`
        : `${title} sign-in was cancelled: the ${title} window was closed`;
    case 'PopupRejectedError':
      return `The browser blocked the ${title} sign-in window; allow pop-ups for this site and try again`;
    case 'NotAllowedError':
      return message ?? `${title} sign-in was refused`;
    default:
      return `${title} sign-in failed: ${message ?? String(error)}`;
  }
}
