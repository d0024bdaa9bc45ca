import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { z } from 'zod/v3';
import { formatConfigIssue } from './formatConfigIssue';

/** The resolvers tried when an environment has no `signIn` block. */
export const DEFAULT_SCM_RESOLVERS = [
  'userIdMatchingUserEntityAnnotation',
  'verifiedEmailMatchingUserEntityProfileEmail',
] as const;

/** One entry of `signIn.resolvers`: its name and its options. */
export interface ResolverSetting {
  resolver: string;
  options?: Record<string, unknown>;
}

/** An http(s) URL, e.g. the base URL of a self-hosted instance. */
export const httpUrlSchema = z
  .string()
  .url()
  .refine(url => /^https?:\/\//.test(url), 'must be an http(s) URL');

const scopes = z.union([z.string(), z.array(z.string().min(1))]);

const signInSchema = z
  .object({
    resolvers: z
      .array(z.object({ resolver: z.string().min(1) }).passthrough())
      .min(1),
  })
  .strict();

/**
 * The schema of one environment of an SCM provider, `auth.providers.<id>.<env>`:
 * the keys every OAuth provider has, plus `instanceKeys` (e.g. the base URL
 * of a self-hosted instance). Unknown keys are refused.
 */
export function scmAuthConfigSchema<T extends z.ZodRawShape>(instanceKeys: T) {
  return z
    .object({
      clientId: z.string().min(1),
      clientSecret: z.string().min(1),
      callbackUrl: z.string().url().optional(),
      ...instanceKeys,
      additionalScopes: scopes.optional(),
      sessionDuration: z.unknown().optional(),
      signIn: signInSchema.optional(),
    })
    .strict();
}

/**
 * Reads and validates one environment (`configPath`, e.g.
 * `auth.providers.github.production`): the keys of
 * {@link scmAuthConfigSchema} with the provider's `instanceKeys`. Pure.
 * Throws an `InputError` starting `Invalid <providerTitle> sign-in config:`
 * that lists every problem, each naming the full key (secrets never quoted).
 * Returns the validated keys and the resolver chain.
 */
export function readScmAuthConfig<T extends z.ZodRawShape>(
  config: Config,
  configPath: string,
  providerTitle: string,
  instanceKeys: T,
) {
  const parsed = scmAuthConfigSchema(instanceKeys).safeParse(config.get());
  if (!parsed.success) {
    throw new InputError(
      `Invalid ${providerTitle} sign-in config: ${parsed.error.issues
        .map(issue => formatConfigIssue(configPath, issue))
        .join('; ')}`,
    );
  }
  if (config.has('sessionDuration')) {
    try {
      readDurationFromConfig(config, { key: 'sessionDuration' });
    } catch {
      throw new InputError(
        `Invalid ${providerTitle} sign-in config: ${configPath}.sessionDuration is not a duration (e.g. '8h' or { hours: 8 })`,
      );
    }
  }
  return { ...parsed.data, resolvers: resolverSettings(parsed.data.signIn) };
}

/** `signIn.resolvers` as name and options, {@link DEFAULT_SCM_RESOLVERS} without a `signIn` block. */
function resolverSettings(
  signIn: z.infer<typeof signInSchema> | undefined,
): ResolverSetting[] {
  return signIn
    ? signIn.resolvers.map(({ resolver, ...options }) => ({
        resolver,
        ...(Object.keys(options).length > 0 ? { options } : {}),
      }))
    : DEFAULT_SCM_RESOLVERS.map(resolver => ({ resolver }));
}
