import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import type {
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  InputError,
  isError,
  NotAllowedError,
  NotImplementedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  AuthProviderRouteHandlers,
  AuthResolverContext,
  BackstageSignInResult,
  prepareBackstageIdentityResponse,
  SignInResolver,
} from '@backstage/plugin-auth-node';
import type { LdapAuthConfig } from '../config/types';
import type { LdapDirectory } from '../ldap/LdapDirectory';
import type { LdapAuthResult } from '../ldap/types';
import type { SessionStore } from '../session/SessionStore';
import type { LoginThrottle } from '../throttle/LoginThrottle';
import {
  NO_PORTAL_USER,
  NO_SESSION,
  requireXhr,
  sendInvalidCredentials,
  sendThrottled,
  sendUnauthorized,
  sendUnavailable,
  sessionCookieOptions,
} from './responses';

/** Everything the handlers of one environment use. */
export interface LdapRouteHandlerOptions {
  env: string;
  providerId: string;
  baseUrl: string;
  appUrl: string;
  isOriginAllowed: (origin: string) => boolean;
  resolverContext: AuthResolverContext;
  signInResolver: SignInResolver<LdapAuthResult>;
  config: LdapAuthConfig;
  directory: LdapDirectory;
  sessions: SessionStore;
  throttle: LoginThrottle;
  cache: CacheService;
  logger: LoggerService;
}

/** Raised when the resolver chain finds no portal user. */
class NoPortalUser extends Error {}

function checkOrigin(req: Request, isOriginAllowed: (o: string) => boolean) {
  const origin = req.get('origin');
  if (origin && !isOriginAllowed(origin)) {
    throw new NotAllowedError(`Origin '${origin}' is not allowed`);
  }
}

/** The route handlers of one environment (`auth.providers.ldap.<env>`). */
export function createLdapRouteHandlers(
  options: LdapRouteHandlerOptions,
): AuthProviderRouteHandlers {
  const { config, directory, sessions, throttle, logger, env } = options;
  const cookieName =
    config.session.cookieName ?? `${options.providerId}-session`;
  const cookie = sessionCookieOptions(
    options.baseUrl,
    options.appUrl,
    options.providerId,
  );

  async function signIn(
    result: LdapAuthResult,
  ): Promise<BackstageSignInResult> {
    try {
      return await options.signInResolver(
        { profile: result.profile, result },
        options.resolverContext,
      );
    } catch (error) {
      // NotFound (no match), Conflict (several) and the chain's final plain
      // Error; NotAllowedError (e.g. email domain) and others pass on.
      if (
        isError(error) &&
        (error.name === 'NotFoundError' ||
          error.name === 'ConflictError' ||
          (error.name === 'Error' &&
            error.message.startsWith('Failed to sign-in')))
      ) {
        logger.warn(
          `LDAP sign-in (${env}): no portal user for ${result.dn}: ${error.message}`,
        );
        throw new NoPortalUser();
      }
      throw error;
    }
  }

  function respond(
    res: Response,
    result: LdapAuthResult,
    identity: BackstageSignInResult,
  ) {
    res.json({
      profile: result.profile,
      providerInfo: {},
      backstageIdentity: prepareBackstageIdentityResponse(identity),
    });
  }

  async function stillActive(result: LdapAuthResult): Promise<boolean> {
    const key = `ldap-recheck:${env}:${createHash('sha256')
      .update(`${result.uuid}\n${result.dn}`)
      .digest('base64url')}`;
    try {
      if (await options.cache.get(key)) {
        return true;
      }
    } catch {
      // cache down: check the directory
    }
    const active = await directory.stillActive(result);
    if (active) {
      await options.cache
        .set(key, true, { ttl: config.recheckIntervalMs })
        .catch(() => {});
    }
    return active;
  }

  return {
    async start() {
      throw new NotImplementedError(
        'LDAP sign-in has no redirect flow; POST credentials to /handler/frame',
      );
    },

    /** Sign-in: POST JSON { username, password }. */
    async frameHandler(req, res) {
      requireXhr(req);
      checkOrigin(req, options.isOriginAllowed);
      if (req.method !== 'POST' || !req.is('application/json')) {
        throw new InputError('Expected a POST with a JSON body');
      }
      const { username: rawUsername, password } = (req.body ?? {}) as Record<
        string,
        unknown
      >;
      if (typeof rawUsername !== 'string' || typeof password !== 'string') {
        sendInvalidCredentials(res);
        return;
      }
      const username = rawUsername.trim();
      if (
        username.length === 0 ||
        username.length > config.maxUsernameLength ||
        // Compatibility forms (full-width, ligatures, decomposed accents)
        // would be folded by the directory's matching rules into another
        // spelling of an account: refused, so one account has one name.
        username.normalize('NFKC') !== username ||
        password.length > 1024
      ) {
        sendInvalidCredentials(res);
        return;
      }
      const decision = await throttle.check(username, req.ip);
      if (!decision.allowed) {
        sendThrottled(res, decision.retryAfterSeconds);
        return;
      }
      // Refused before any bind: an empty password would be an anonymous
      // ("unauthenticated") bind that many servers accept.
      if (password.trim().length === 0) {
        sendInvalidCredentials(res);
        return;
      }
      let outcome;
      try {
        outcome = await directory.check(username, password);
      } catch (error) {
        if (error instanceof ServiceUnavailableError) {
          sendUnavailable(res);
          return;
        }
        throw error;
      }
      if (!outcome.ok) {
        await throttle.failure(username, req.ip);
        logger.info(`LDAP sign-in (${env}) refused`);
        sendInvalidCredentials(res);
        return;
      }
      await throttle.success(username);
      let identity;
      try {
        identity = await signIn(outcome.result);
      } catch (error) {
        if (error instanceof NoPortalUser) {
          sendUnauthorized(res, NO_PORTAL_USER);
          return;
        }
        throw error;
      }
      const sessionId = await sessions.create(
        env,
        outcome.result,
        config.session.durationMs,
      );
      res.cookie(cookieName, sessionId, {
        ...cookie,
        maxAge: config.session.durationMs,
      });
      logger.info(
        `LDAP sign-in (${env}) of ${
          identity.identity?.userEntityRef ?? outcome.result.dn
        }`,
      );
      respond(res, outcome.result, identity);
    },

    /** Restores the session from the cookie and issues a new token. */
    async refresh(req, res) {
      requireXhr(req);
      checkOrigin(req, options.isOriginAllowed);
      const sessionId = req.cookies?.[cookieName];
      const session = await sessions.get(sessionId, env);
      if (!session) {
        res.clearCookie(cookieName, cookie);
        sendUnauthorized(res, NO_SESSION);
        return;
      }
      try {
        if (!(await stillActive(session.result))) {
          logger.info(
            `LDAP session of ${session.result.dn} revoked: the user is gone or disabled`,
          );
          await sessions.revoke(sessionId);
          res.clearCookie(cookieName, cookie);
          sendUnauthorized(res, NO_SESSION);
          return;
        }
      } catch (error) {
        if (error instanceof ServiceUnavailableError) {
          sendUnavailable(res);
          return;
        }
        throw error;
      }
      let identity;
      try {
        identity = await signIn(session.result);
      } catch (error) {
        if (error instanceof NoPortalUser) {
          await sessions.revoke(sessionId);
          res.clearCookie(cookieName, cookie);
          sendUnauthorized(res, NO_PORTAL_USER);
          return;
        }
        throw error;
      }
      respond(res, session.result, identity);
    },

    /** Revokes the session and clears the cookie. */
    async logout(req, res) {
      requireXhr(req);
      checkOrigin(req, options.isOriginAllowed);
      await sessions.revoke(req.cookies?.[cookieName]);
      res.clearCookie(cookieName, cookie);
      res.status(200).end();
    },
  };
}
