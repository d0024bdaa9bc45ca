/**
 * The portal backend: Backstage core plugins plus this project's identity and access modules.
 *
 * Only what the identity-and-access mission needs is installed (no scaffolder, techdocs or kubernetes).
 * Modules from plugins/ are added here as they land.
 */
import { createBackend } from '@backstage/backend-defaults';
import { groupPolicyPermissionsServiceFactory } from '@identity-portal/plugin-permission-backend-module-group-policy';
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
// GitHub / GitHub Enterprise and GitLab sign-in (auth.providers.github|gitlab.<env>): upstream's
// authenticators, stable-id then verified-email resolvers, one warn line per refused sign-in.
backend.add(
  import('@identity-portal/plugin-auth-backend-module-github-provider'),
);
backend.add(
  import('@identity-portal/plugin-auth-backend-module-gitlab-provider'),
);
// Ownership (ent) through nested groups, for every sign-in provider (auth.ownership.transitive).
backend.add(
  import('@identity-portal/plugin-auth-backend-module-transitive-ownership'),
);

backend.add(import('@backstage/plugin-catalog-backend'));
// Users and Groups from the organisation's directories, with merge, naming and deletion safety.
backend.add(import('@identity-portal/plugin-catalog-backend-module-org-sync'));
backend.add(
  import('@identity-portal/plugin-catalog-backend-module-org-sync-ldap'),
);
// GitHub org members and teams (catalog.providers.orgSync.<id>.sources.github).
backend.add(
  import('@identity-portal/plugin-catalog-backend-module-org-sync-github'),
);
// GitLab groups, subgroups and members (catalog.providers.orgSync.<id>.sources.gitlab).
backend.add(
  import('@identity-portal/plugin-catalog-backend-module-org-sync-gitlab'),
);

// Validates integrations: at start-up; health of every integration credential (scmIntegrations.health).
backend.add(import('@identity-portal/plugin-scm-integrations-backend'));

backend.add(import('@backstage/plugin-permission-backend'));
// Roles and bindings as code, transitive groups from an in-memory org graph, explained decisions.
backend.add(
  import('@identity-portal/plugin-permission-backend-module-group-policy'),
);
// Service principals bound in permission.groupPolicy.bindings (service:…) are decided by the policy too.
backend.add(groupPolicyPermissionsServiceFactory);

// A replica whose start-up fails (already logged by the backend) exits, so that the orchestrator restarts
// it, instead of staying up and never ready: e.g. after losing the race for a migration lock when several
// replicas start together on a new database.
backend.start().catch(() => process.exit(1));
