import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError, isError } from '@backstage/errors';
import {
  AuthProviderFactory,
  AuthProviderRouteHandlers,
  createOAuthRouteHandlers,
  OAuthAuthenticator,
  OAuthAuthenticatorResult,
  OAuthEnvironmentHandler,
  PassportProfile,
} from '@backstage/plugin-auth-node';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { configKey } from '../config/formatConfigIssue';
import type { ResolverSetting } from '../config/readScmAuthConfig';
import type { ScmSignInResolverFactories } from '../resolvers/scmSignInResolvers';
import { createSignInChain, NamedSignInResolver } from '../signIn/signInChain';
import { describeAccount, ScmProviderInfo } from './ScmProviderInfo';

/** The services the provider uses, from the module's `init`. */
export interface ScmProviderDeps {
  logger: LoggerService;
  catalog: CatalogService;
  auth: AuthService;
}

/** What makes one SCM provider: its authenticator, config and resolvers. */
export interface ScmProvider<
  TProfile extends PassportProfile,
  TSettings extends { resolvers: ResolverSetting[] },
> {
  info: ScmProviderInfo<TProfile>;
  /** Upstream's authenticator of the provider, used as a library. */
  authenticator: OAuthAuthenticator<any, TProfile>;
  /** Scopes always asked for besides the authenticator's own. */
  additionalScopes?: string[];
  /** Reads and validates one environment (`configPath`); throws an `InputError`. */
  readConfig(config: Config, configPath: string): TSettings;
  /** The resolvers `signIn.resolvers` can name, for one environment. */
  resolverFactories(
    settings: TSettings,
    deps: ScmProviderDeps,
  ): ScmSignInResolverFactories<TProfile>;
}

/**
 * The factory of an SCM sign-in provider: for each key of
 * `auth.providers.<providerId>`, upstream's OAuth route handlers around the
 * provider's authenticator, with our resolver chain. These are the two parts
 * of `createOAuthProviderFactory`; it is not called as a whole because its
 * declarative chain sends its own error text to the browser and logs
 * nothing. An unknown resolver or invalid resolver options fail start-up
 * naming the full key.
 */
export function createScmProviderFactory<
  TProfile extends PassportProfile,
  TSettings extends { resolvers: ResolverSetting[] },
>(
  deps: ScmProviderDeps,
  provider: ScmProvider<TProfile, TSettings>,
): AuthProviderFactory {
  const { info } = provider;
  return ctx => {
    const handlers = new Map<string, AuthProviderRouteHandlers>();
    for (const env of ctx.config.keys()) {
      const configPath = `auth.providers.${ctx.providerId}.${env}`;
      const envConfig = ctx.config.getConfig(env);
      const settings = provider.readConfig(envConfig, configPath);
      const factories = provider.resolverFactories(settings, deps);
      const resolvers = settings.resolvers.map(
        (
          { resolver, options },
          index,
        ): NamedSignInResolver<OAuthAuthenticatorResult<TProfile>> => {
          const key = configKey(configPath, ['signIn', 'resolvers', index]);
          const factory = Object.hasOwn(factories, resolver)
            ? factories[resolver]
            : undefined;
          if (!factory) {
            throw new InputError(
              `Invalid ${
                info.title
              } sign-in config: ${key}.resolver '${resolver}' is not available; use one of ${Object.keys(
                factories,
              ).join(', ')}`,
            );
          }
          try {
            return { name: resolver, resolver: factory(options) };
          } catch (error) {
            throw new InputError(
              `Invalid ${info.title} sign-in config: ${key} (${resolver}): ${
                isError(error) ? error.message : String(error)
              }`,
            );
          }
        },
      );
      handlers.set(
        env,
        createOAuthRouteHandlers<TProfile>({
          authenticator: provider.authenticator,
          appUrl: ctx.appUrl,
          baseUrl: ctx.baseUrl,
          config: envConfig,
          isOriginAllowed: ctx.isOriginAllowed,
          cookieConfigurer: ctx.cookieConfigurer,
          providerId: ctx.providerId,
          resolverContext: ctx.resolverContext,
          additionalScopes: provider.additionalScopes,
          signInResolver: createSignInChain<OAuthAuthenticatorResult<TProfile>>(
            {
              resolvers,
              logger: deps.logger.child({ provider: ctx.providerId, env }),
              providerTitle: info.title,
              describeAccount: ({ result }) =>
                describeAccount(info, result.fullProfile),
            },
          ),
        }),
      );
    }
    return new OAuthEnvironmentHandler(handlers);
  };
}
