/**
 * The portal backend: Backstage core plugins plus this project's identity and access modules.
 *
 * Only what the identity-and-access mission needs is installed (no scaffolder, techdocs or kubernetes).
 * Modules from plugins/ are added here as they land.
 */
import { createBackend } from '@backstage/backend-defaults';
import { rootConfigWithPostgresFromEnv } from './config/rootConfigWithPostgresFromEnv';

const backend = createBackend();

// SQLite in memory by default; PostgreSQL when POSTGRES_* environment variables are set.
backend.add(rootConfigWithPostgresFromEnv);

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
// LDAP / Active Directory sign-in (auth.providers.ldap.<env>).
backend.add(
  import('@identity-portal/plugin-auth-backend-module-ldap-provider'),
);
// The guest provider for the local demo (auth.providers.guest).
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
// Users and Groups from the organisation's directories, with merge, naming and deletion safety.
backend.add(import('@identity-portal/plugin-catalog-backend-module-org-sync'));
backend.add(
  import('@identity-portal/plugin-catalog-backend-module-org-sync-ldap'),
);

backend.add(import('@backstage/plugin-permission-backend'));
// Replaced by the group/role policy module when it lands.
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.start();
