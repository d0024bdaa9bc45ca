import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import authPlugin from '@backstage/plugin-auth-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { recordingRootLogger } from '@identity-portal/plugin-auth-scm-sign-in-node/testUtils';
import { loadDemoOrg, toLdif } from '@internal/demo-org';
import { SlapdInstance, startSlapd } from '@internal/slapd-harness';
import knexFactory from 'knex';
import { Client } from 'ldapts';
import { createServer } from 'node:net';
import { authModuleLdapProvider } from '../module';

export const BASE_DN = 'dc=example,dc=com';
export const PEOPLE_DN = `ou=people,${BASE_DN}`;
export const READER_DN = `cn=portal-reader,ou=services,${BASE_DN}`;
export const READER_PASSWORD = 'demo-reader-password';
export const ROOT_PASSWORD = 'test-root-password';
export const APP_URL = 'http://127.0.0.1:3000';

/** slapd with the demo org; `stats` logging so tests can count binds. */
export async function startDemoSlapd(log?: string[]): Promise<SlapdInstance> {
  return startSlapd({
    suffix: BASE_DN,
    rootPassword: ROOT_PASSWORD,
    ldif: toLdif(loadDemoOrg(), {
      baseDn: BASE_DN,
      serviceAccount: { password: READER_PASSWORD },
    }),
    logLevel: log ? 'stats' : undefined,
    onLog: log ? line => log.push(line) : undefined,
  });
}

/** A provider env block for the demo directory, to spread and override. */
export function demoEnv(url: string | string[]) {
  return {
    vendor: 'openldap',
    ...(Array.isArray(url) ? { urls: url } : { url }),
    bind: { dn: READER_DN, password: READER_PASSWORD },
    timeouts: { connect: 1000, operation: 2000 },
    users: {
      baseDn: PEOPLE_DN,
      filter: '(&(objectClass=inetOrgPerson)(uid={username}))',
      disabledFilter: '(employeeType=disabled)',
    },
    throttle: { perUsername: 50, perAddress: 10_000 },
  };
}

/**
 * User entities for the demo people as org sync writes them (uid as name,
 * `backstage.io/ldap-uuid` = entryUUID), read from the running directory.
 */
export async function demoUserEntities(
  url: string,
  exclude: string[] = [],
): Promise<Entity[]> {
  const client = new Client({ url });
  try {
    await client.bind(READER_DN, READER_PASSWORD);
    const { searchEntries } = await client.search(PEOPLE_DN, {
      scope: 'one',
      filter: '(objectClass=inetOrgPerson)',
      attributes: ['uid', 'entryUUID', 'mail', 'displayName'],
    });
    return searchEntries
      .filter(entry => !exclude.includes(String(entry.uid)))
      .map(entry => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: {
          name: String(entry.uid),
          annotations: {
            'backstage.io/ldap-uuid': String(entry.entryUUID),
            'backstage.io/ldap-dn': entry.dn,
          },
        },
        spec: {
          profile: { email: String(entry.mail) },
          memberOf: ['group:default/demo-team'],
        },
      }));
  } finally {
    await client.unbind();
  }
}

/** Starts the real auth plugin with the LDAP module. */
export async function startAuthBackend(options: {
  envs: Record<string, object>;
  entities: Entity[];
  /** Records every log line here (all levels) instead of printing it. */
  logLines?: string[];
}) {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const backend = await startTestBackend({
    features: [
      authPlugin,
      authModuleLdapProvider,
      catalogServiceMock.factory({ entities: options.entities }),
      ...(options.logLines ? [recordingRootLogger(options.logLines)] : []),
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: APP_URL },
          auth: { providers: { ldap: options.envs } },
        },
      }),
    ],
  });
  const address = backend.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { backend, knex, base: `http://127.0.0.1:${port}/api/auth/ldap` };
}

export const XHR = { 'X-Requested-With': 'XMLHttpRequest' };

/** POSTs a sign-in as the frontend does. */
export function login(
  base: string,
  env: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return fetch(`${base}/handler/frame?env=${env}`, {
    method: 'POST',
    headers: { ...XHR, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** The `name=value` part of the session cookie a response sets. */
export function sessionCookie(res: Response): string | undefined {
  const header = res.headers.get('set-cookie') ?? '';
  const match = /(ldap-session=[^;]*)/.exec(header);
  return match?.[1];
}

export function refresh(base: string, env: string, cookie?: string) {
  return fetch(`${base}/refresh?env=${env}`, {
    method: 'POST',
    headers: { ...XHR, ...(cookie ? { Cookie: cookie } : {}) },
  });
}

export function logout(base: string, env: string, cookie?: string) {
  return fetch(`${base}/logout?env=${env}`, {
    method: 'POST',
    headers: { ...XHR, ...(cookie ? { Cookie: cookie } : {}) },
  });
}

/** A loopback URL where nothing listens. */
export async function deadUrl(): Promise<string> {
  const port = await new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        resolve(typeof address === 'object' && address ? address.port : 0),
      );
    });
  });
  return `ldap://127.0.0.1:${port}`;
}

export const UNIFORM_401 = {
  error: {
    name: 'AuthenticationError',
    message: 'Invalid username or password',
  },
};
