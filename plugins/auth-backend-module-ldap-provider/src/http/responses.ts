import type { Request, Response, CookieOptions } from 'express';
import { AuthenticationError } from '@backstage/errors';
import { DIRECTORY_UNAVAILABLE } from '../ldap/LdapDirectory';

/** Message of every refused sign-in (unknown user, wrong password, …). */
export const INVALID_CREDENTIALS = 'Invalid username or password';
/** Message of a refused refresh (no, expired, revoked or forged session). */
export const NO_SESSION = 'No valid LDAP session';
/** Message when the password was right but no catalog user matches. */
export const NO_PORTAL_USER =
  'The directory accepted the sign-in, but no portal user matches this account';

/** The one 401 answer for a refused sign-in: same status and body for all. */
export function sendInvalidCredentials(res: Response) {
  res.status(401).json({
    error: { name: 'AuthenticationError', message: INVALID_CREDENTIALS },
  });
}

export function sendUnauthorized(res: Response, message: string) {
  res.status(401).json({ error: { name: 'AuthenticationError', message } });
}

export function sendThrottled(res: Response, retryAfterSeconds: number) {
  res
    .status(429)
    .set('Retry-After', String(retryAfterSeconds))
    .json({
      error: {
        name: 'TooManyRequestsError',
        message: `Too many sign-in attempts; try again in ${retryAfterSeconds} seconds`,
      },
      retryAfterSeconds,
    });
}

export function sendUnavailable(res: Response) {
  res.status(503).json({
    error: { name: 'ServiceUnavailableError', message: DIRECTORY_UNAVAILABLE },
  });
}

/**
 * CSRF: the custom header forces a CORS preflight, which only the origins
 * in `backend.cors.origin` pass. A cross-site HTML form cannot send it.
 */
export function requireXhr(req: Request) {
  if (req.header('X-Requested-With') !== 'XMLHttpRequest') {
    throw new AuthenticationError('Invalid X-Requested-With header');
  }
}

/**
 * Cookie attributes as upstream's OAuth cookies: host-only, httpOnly,
 * `secure` with an https auth URL, `sameSite: lax` (`none` when the app is
 * on another host and https), path `/api/auth/<providerId>`.
 */
export function sessionCookieOptions(
  baseUrl: string,
  appUrl: string,
  providerId: string,
): CookieOptions {
  const { protocol, hostname, pathname } = new URL(baseUrl);
  const secure = protocol === 'https:';
  const sameSite: 'lax' | 'none' =
    new URL(appUrl).hostname !== hostname && secure ? 'none' : 'lax';
  return {
    httpOnly: true,
    secure,
    sameSite,
    path: `${pathname.replace(/\/$/, '')}/${providerId}`,
  };
}
