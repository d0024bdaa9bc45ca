import type {
  AuthService,
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  AuthProviderFactory,
  AuthProviderRouteHandlers,
  commonSignInResolvers,
  OAuthEnvironmentHandler,
  readDeclarativeSignInResolver,
  SignInResolverFactory,
} from '@backstage/plugin-auth-node';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { readLdapAuthConfig } from './config/readLdapAuthConfig';
import { createLdapRouteHandlers } from './http/createLdapRouteHandlers';
import { LdapDirectory } from './ldap/LdapDirectory';
import type { LdapAuthResult } from './ldap/types';
import { createLdapSignInResolvers } from './resolvers/ldapSignInResolvers';
import type { SessionStore } from './session/SessionStore';
import { boundedCache } from './cache/boundedCache';
import { LoginThrottle } from './throttle/LoginThrottle';

/** The services the provider uses, from the module's `init`. */
export interface LdapProviderDeps {
  sessions: SessionStore;
  cache: CacheService;
  logger: LoggerService;
  catalog: CatalogService;
  auth: AuthService;
}

/**
 * The factory registered as provider `ldap`: one set of handlers per key of
 * `auth.providers.ldap`, chosen by the `env` query parameter.
 */
export function createLdapProviderFactory(
  deps: LdapProviderDeps,
): AuthProviderFactory {
  return ({
    providerId,
    config,
    baseUrl,
    appUrl,
    isOriginAllowed,
    resolverContext,
  }) => {
    const resolverFactories: Record<
      string,
      SignInResolverFactory<LdapAuthResult, any>
    > = {
      ...commonSignInResolvers,
      ...createLdapSignInResolvers(deps),
    };
    const handlers = new Map<string, AuthProviderRouteHandlers>();
    // A sign-in never waits on an unreachable cache (see boundedCache).
    const cache = boundedCache(deps.cache);
    for (const env of config.keys()) {
      const envConfig = config.getConfig(env);
      const ldapConfig = readLdapAuthConfig(
        envConfig,
        `auth.providers.${providerId}.${env}`,
      );
      const signInResolver =
        readDeclarativeSignInResolver<LdapAuthResult>({
          config: envConfig,
          signInResolverFactories: resolverFactories,
        }) ?? resolverFactories.ldapUuidMatchingUserEntityAnnotation();
      const logger = deps.logger.child({ provider: providerId, env });
      handlers.set(
        env,
        createLdapRouteHandlers({
          env,
          providerId,
          baseUrl,
          appUrl,
          isOriginAllowed,
          resolverContext,
          signInResolver,
          config: ldapConfig,
          directory: new LdapDirectory(ldapConfig, logger),
          sessions: deps.sessions,
          throttle: new LoginThrottle(
            cache,
            ldapConfig.throttle,
            logger,
            `${providerId}:${env}`,
          ),
          cache,
          logger,
        }),
      );
    }
    return new OAuthEnvironmentHandler(handlers);
  };
}
