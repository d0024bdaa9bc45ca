import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ConfigSources, StaticConfigSource } from '@backstage/config-loader';
import { postgresConfigFromEnv } from './postgresConfigFromEnv';

/**
 * The root config service: the usual sources (app-config files, `--config`, `APP_CONFIG_*`), layered over
 * a database section derived from `POSTGRES_*` when those are set. Files come last, so an explicit
 * `backend.database` in app-config still wins.
 */
export const rootConfigWithPostgresFromEnv = createServiceFactory({
  service: coreServices.rootConfig,
  deps: {},
  async factory() {
    const fromEnv = postgresConfigFromEnv(process.env);
    const defaults = ConfigSources.default({});
    const source = fromEnv
      ? ConfigSources.merge([
          StaticConfigSource.create({
            data: fromEnv,
            context: 'env:POSTGRES_*',
          }),
          defaults,
        ])
      : defaults;
    return ConfigSources.toConfig(source);
  },
});
