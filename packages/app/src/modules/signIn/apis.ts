import {
  ApiBlueprint,
  configApiRef,
  createApiRef,
  discoveryApiRef,
} from '@backstage/frontend-plugin-api';
import { PasswordSessionClient } from './ldap/PasswordSessionClient';

/** The auth API of a portal sign-in provider with a backend cookie session (LDAP, guest). */
export type PortalAuthApi = Pick<
  PasswordSessionClient,
  | 'signInWithPassword'
  | 'restore'
  | 'getBackstageIdentity'
  | 'getProfile'
  | 'signIn'
  | 'signOut'
  | 'sessionState$'
>;

/** LDAP username/password sign-in (`/api/auth/ldap`). */
export const ldapAuthApiRef = createApiRef<PortalAuthApi>().with({
  id: 'portal.auth.ldap',
  pluginId: 'app',
});

/** Guest sign-in (`/api/auth/guest`), through the same client as LDAP (restore and token renewal via `/refresh`). */
export const guestAuthApiRef = createApiRef<PortalAuthApi>().with({
  id: 'portal.auth.guest',
  pluginId: 'app',
});

function environment(configApi: {
  getOptionalString(key: string): string | undefined;
}) {
  // The backend never reads auth.environment; the frontend selects the provider config with ?env=.
  return configApi.getOptionalString('auth.environment') ?? 'development';
}

// No `if` predicate on these: an API with one is deferred and not available to the sign-in page.
export const ldapAuthApi = ApiBlueprint.make({
  name: 'ldap-auth',
  params: defineParams =>
    defineParams({
      api: ldapAuthApiRef,
      deps: { discoveryApi: discoveryApiRef, configApi: configApiRef },
      factory: ({ discoveryApi, configApi }) =>
        new PasswordSessionClient({
          providerId: 'ldap',
          discoveryApi,
          environment: environment(configApi),
          hasLogout: true,
        }),
    }),
});

export const guestAuthApi = ApiBlueprint.make({
  name: 'guest-auth',
  params: defineParams =>
    defineParams({
      api: guestAuthApiRef,
      deps: { discoveryApi: discoveryApiRef, configApi: configApiRef },
      factory: ({ discoveryApi, configApi }) =>
        new PasswordSessionClient({
          providerId: 'guest',
          discoveryApi,
          environment: environment(configApi),
          hasLogout: false,
        }),
    }),
});
