import {
  coreServices,
  createServiceFactory,
  type BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Request } from 'express';

const SERVICE_TOKEN_PREFIX = 'mock-service-token:';

/**
 * The user behind a mock token that a plugin obtained on behalf of a user,
 * with the plugin as actor — as the real auth service keeps it. The mock
 * services drop the actor, so the catalog's checks made on behalf of a user
 * would look like direct user requests to the permission backend.
 */
function onBehalfOfUser(
  token: string | undefined,
  pluginId: string,
): BackstageCredentials | undefined {
  if (!token?.startsWith(SERVICE_TOKEN_PREFIX)) return undefined;
  const { obo, target } = JSON.parse(token.slice(SERVICE_TOKEN_PREFIX.length));
  if (!obo || (target && target !== pluginId)) return undefined;
  return mockCredentials.user(obo, { actor: { subject: 'plugin' } });
}

/** Mock auth that keeps the actor of on-behalf-of tokens. */
export const actorKeepingAuthFactory = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const auth = mockServices.auth({ pluginId: plugin.getId() });
    const authenticate = auth.authenticate.bind(auth);
    auth.authenticate = (async (token: string, options?: any) =>
      onBehalfOfUser(token, plugin.getId()) ??
      authenticate(token, options)) as typeof auth.authenticate;
    return auth;
  },
});

/** Mock HTTP auth that keeps the actor of on-behalf-of tokens. */
export const actorKeepingHttpAuthFactory = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const httpAuth = mockServices.httpAuth({ pluginId: plugin.getId() });
    const credentials = httpAuth.credentials.bind(httpAuth);
    httpAuth.credentials = (async (req: Request, options?: any) => {
      const token = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
      const obo = onBehalfOfUser(token, plugin.getId());
      if (obo && (!options?.allow || options.allow.includes('user'))) {
        return obo;
      }
      return credentials(req, options);
    }) as typeof httpAuth.credentials;
    return httpAuth;
  },
});
