import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import authPlugin from '@backstage/plugin-auth-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { recordingRootLogger } from './recordingLogger';

/** The app's URL in `app.baseUrl`, the origin of the sign-in popups. */
export const APP_URL = 'http://127.0.0.1:3000';

type Features = Parameters<typeof startTestBackend>[0]['features'];

/**
 * The real auth plugin with a provider `module` registered as `providerId`,
 * over an in-memory catalog. `base` is `<backend>/api/auth/<providerId>`.
 */
export async function startAuthBackend(options: {
  module: NonNullable<Features>[number];
  providerId: string;
  envs: Record<string, object>;
  entities: Entity[];
  /** Records every log line here (all levels) instead of printing it. */
  logLines?: string[];
  features?: Features;
}) {
  const backend = await startTestBackend({
    features: [
      authPlugin,
      options.module,
      catalogServiceMock.factory({ entities: options.entities }),
      ...(options.logLines ? [recordingRootLogger(options.logLines)] : []),
      ...(options.features ?? []),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: APP_URL },
          auth: { providers: { [options.providerId]: options.envs } },
        },
      }),
    ],
  });
  const address = backend.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    backend,
    base: `http://127.0.0.1:${port}/api/auth/${options.providerId}`,
  };
}

/** {@link startAuthBackend} bound to one provider module and its provider id. */
export function authBackendStarter(
  module: NonNullable<Features>[number],
  providerId: string,
) {
  return (
    options: Omit<
      Parameters<typeof startAuthBackend>[0],
      'module' | 'providerId'
    >,
  ) => startAuthBackend({ module, providerId, ...options });
}
