import { stringify } from 'yaml';

/** The demo directory's read-only service account (demo data, loopback only). */
export const DIRECTORY_READER = {
  dn: 'cn=portal-reader,ou=services,dc=example,dc=com',
  password: 'demo-reader-password',
};

/** The organisation-specific part that a platform team adds to app-config.production.yaml. */
export interface OrganisationConfigOptions {
  /** The load balancer's URL (app.baseUrl, CORS origin). */
  publicUrl: string;
  /** The directory for sign-in. */
  directoryUrl: string;
  orgSync: { frequencySeconds: number; timeoutSeconds: number };
  throttle: { perUsername: number; perAddress: number; window: string };
}

/** Sign-in from the demo directory and the demo org synced from it, on short schedules for tests. */
export function organisationConfig(options: OrganisationConfigOptions): string {
  const people = 'ou=people,dc=example,dc=com';
  return stringify({
    app: { baseUrl: options.publicUrl },
    organization: { name: 'Example Corp (topology test)' },
    backend: {
      listen: { host: '127.0.0.1' },
      cors: { origin: options.publicUrl },
    },
    auth: {
      providers: {
        ldap: {
          production: {
            vendor: 'openldap',
            url: options.directoryUrl,
            bind: DIRECTORY_READER,
            users: {
              baseDn: people,
              filter: '(&(objectClass=inetOrgPerson)(uid={username}))',
              disabledFilter: '(employeeType=disabled)',
            },
            throttle: options.throttle,
          },
        },
      },
    },
    catalog: {
      providers: {
        orgSync: {
          example: {
            schedule: {
              frequency: { seconds: options.orgSync.frequencySeconds },
              timeout: { seconds: options.orgSync.timeoutSeconds },
              initialDelay: { seconds: 1 },
            },
            sources: {
              ldap: {
                'demo-directory': {
                  vendor: 'openldap',
                  // Each replica's own file (replicaConfig) names the URL.
                  bind: DIRECTORY_READER,
                  users: {
                    baseDn: people,
                    filter: '(objectClass=inetOrgPerson)',
                    disabledFilter: '(employeeType=disabled)',
                    identifiers: { email: 'mail' },
                    fields: {
                      'metadata.annotations.identity-portal.io/roles':
                        'businessCategory',
                    },
                  },
                  groups: {
                    baseDn: 'ou=groups,dc=example,dc=com',
                    filter: '(objectClass=groupOfNames)',
                  },
                },
              },
            },
          },
        },
      },
    },
  });
}

/** A role binding of the group policy. */
export interface PolicyBinding {
  role: string;
  members: string[];
}

/**
 * The policy part of app-config: where the policy file is, and the bindings kept in config (the
 * config-reload test edits them).
 */
export function policyConfig(
  policyPath: string,
  bindings: PolicyBinding[],
): string {
  return stringify({
    permission: {
      groupPolicy: {
        file: policyPath,
        catalogRoles: { annotation: 'identity-portal.io/roles' },
        graph: { refresh: { seconds: 30 } },
        bindings: [
          { role: 'admin', members: ['group:default/admins'] },
          ...bindings,
        ],
      },
    },
  });
}

/** The policy file: `registrar` (may register components) bound to these groups. */
export function policyFile(registrarGroups: string[]): string {
  return stringify({
    roles: {
      registrar: {
        description: 'Registers new components in the catalog',
        rules: [
          {
            allow: [
              'catalog.location.create',
              'catalog.entity.create',
              'catalog.location.analyze',
            ],
          },
        ],
      },
    },
    bindings: [{ role: 'registrar', members: registrarGroups }],
  });
}

/**
 * What differs per replica: the org sync source's URL (each replica reads the directory through its
 * own proxy, so a test sees which replica is syncing) and, optionally, where this replica calls the
 * catalog (the other replica, to prove that service tokens minted by one are accepted by the other).
 */
export function replicaConfig(options: {
  orgSyncDirectoryUrl: string;
  catalogUrl?: string;
}): string {
  return stringify({
    ...(options.catalogUrl && {
      discovery: {
        endpoints: [
          {
            target: { internal: `${options.catalogUrl}/api/{{pluginId}}` },
            plugins: ['catalog'],
          },
        ],
      },
    }),
    catalog: {
      providers: {
        orgSync: {
          example: {
            sources: {
              ldap: { 'demo-directory': { url: options.orgSyncDirectoryUrl } },
            },
          },
        },
      },
    },
  });
}
