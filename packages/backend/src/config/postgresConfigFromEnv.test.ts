import { postgresConfigFromEnv } from './postgresConfigFromEnv';

describe('postgresConfigFromEnv', () => {
  it('leaves the embedded SQLite default alone when no POSTGRES_* variable is set', () => {
    expect(postgresConfigFromEnv({ PATH: '/usr/bin' })).toBeUndefined();
  });

  it('builds a pg connection from the variables', () => {
    expect(
      postgresConfigFromEnv({
        POSTGRES_HOST: 'db.internal',
        POSTGRES_PORT: '6543',
        POSTGRES_USER: 'backstage',
        POSTGRES_PASSWORD: 's3cret',
      }),
    ).toEqual({
      backend: {
        database: {
          client: 'pg',
          connection: {
            host: 'db.internal',
            port: 6543,
            user: 'backstage',
            password: 's3cret',
          },
        },
      },
    });
  });

  it('defaults the port to 5432', () => {
    const config = postgresConfigFromEnv({
      POSTGRES_HOST: 'db',
      POSTGRES_USER: 'u',
      POSTGRES_PASSWORD: 'p',
    });
    expect(config).toMatchObject({
      backend: { database: { connection: { port: 5432 } } },
    });
  });

  it('names the missing variable when the set is incomplete', () => {
    expect(() =>
      postgresConfigFromEnv({ POSTGRES_HOST: 'db', POSTGRES_USER: 'u' }),
    ).toThrow(
      'POSTGRES_PASSWORD must be set when PostgreSQL is configured through POSTGRES_* environment variables',
    );
    expect(() => postgresConfigFromEnv({ POSTGRES_PASSWORD: 'p' })).toThrow(
      /^POSTGRES_HOST must be set/,
    );
  });

  it('rejects a port that is not a port number', () => {
    expect(() =>
      postgresConfigFromEnv({
        POSTGRES_HOST: 'db',
        POSTGRES_PORT: 'abc',
        POSTGRES_USER: 'u',
        POSTGRES_PASSWORD: 'p',
      }),
    ).toThrow("POSTGRES_PORT must be a port number, got 'abc'");
  });
});
