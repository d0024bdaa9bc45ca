import { InputError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';

/** The environment variables that switch the backend database to PostgreSQL. */
export const POSTGRES_ENV_VARS = [
  'POSTGRES_HOST',
  'POSTGRES_PORT',
  'POSTGRES_USER',
  'POSTGRES_PASSWORD',
] as const;

/**
 * Builds `backend.database` for PostgreSQL from `POSTGRES_*` environment variables.
 *
 * Returns undefined when none is set, which leaves Backstage's embedded default (SQLite in memory).
 * Setting some but not the required ones is a start-up error naming the missing variable.
 */
export function postgresConfigFromEnv(
  env: NodeJS.ProcessEnv,
): JsonObject | undefined {
  if (!POSTGRES_ENV_VARS.some(name => env[name])) {
    return undefined;
  }
  const required = (name: (typeof POSTGRES_ENV_VARS)[number]) => {
    const value = env[name];
    if (!value) {
      throw new InputError(
        `${name} must be set when PostgreSQL is configured through POSTGRES_* environment variables`,
      );
    }
    return value;
  };
  const port = Number(env.POSTGRES_PORT ?? '5432');
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new InputError(
      `POSTGRES_PORT must be a port number, got '${env.POSTGRES_PORT}'`,
    );
  }
  const connection = {
    host: required('POSTGRES_HOST'),
    port,
    user: required('POSTGRES_USER'),
    password: required('POSTGRES_PASSWORD'),
  };
  return { backend: { database: { client: 'pg', connection } } };
}
