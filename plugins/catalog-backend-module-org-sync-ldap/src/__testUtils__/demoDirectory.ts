import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type {
  OrgSource,
  OrgSourceReadResult,
} from '@identity-portal/plugin-catalog-org-sync-node';
import { DemoOrg, LdifOptions, loadDemoOrg, toLdif } from '@internal/demo-org';
import {
  startSlapd,
  SlapdInstance,
  StartSlapdOptions,
} from '@internal/slapd-harness';
import { createServer } from 'node:net';
import {
  createLdapOrgSourceFactory,
  LdapOrgSourceFactoryOptions,
} from '../createLdapOrgSourceFactory';

export const BASE_DN = 'dc=example,dc=com';
export const PEOPLE_DN = `ou=people,${BASE_DN}`;
export const GROUPS_DN = `ou=groups,${BASE_DN}`;
export const READER_DN = `cn=portal-reader,ou=services,${BASE_DN}`;
export const READER_PASSWORD = 'demo-reader-password';
export const SOURCE_PATH = 'catalog.providers.orgSync.demo.sources.ldap.main';
export const SLAPD_TIMEOUT_MS = 30_000;

/** Starts slapd with the demo organisation and the portal's service account. */
export async function startDemoSlapd(
  options: {
    org?: DemoOrg;
    ldif?: Partial<LdifOptions>;
    slapd?: Partial<StartSlapdOptions>;
  } = {},
): Promise<SlapdInstance> {
  return startSlapd({
    suffix: BASE_DN,
    ldif: toLdif(options.org ?? loadDemoOrg(), {
      baseDn: BASE_DN,
      serviceAccount: { password: READER_PASSWORD },
      ...options.ldif,
    }),
    ...options.slapd,
  });
}

/** A source block for the demo directory, to be spread and overridden. */
export function demoSourceConfig(url: string) {
  return {
    url,
    bind: { dn: READER_DN, password: READER_PASSWORD },
    users: {
      baseDn: PEOPLE_DN,
      disabledFilter: '(employeeType=disabled)',
    },
    groups: { baseDn: GROUPS_DN },
  };
}

/** Builds an LDAP source from a config block, as the engine would. */
export function createSource(
  data: object,
  options: LdapOrgSourceFactoryOptions = {},
): OrgSource {
  return createLdapOrgSourceFactory(options).create({
    providerId: 'demo',
    sourceId: 'main',
    config: new ConfigReader(data as any),
    configPath: SOURCE_PATH,
    logger: mockServices.logger.mock(),
  });
}

/** Reads a source with a generous timeout. */
export function readSource(source: OrgSource): Promise<OrgSourceReadResult> {
  return source.read({ signal: AbortSignal.timeout(20_000) });
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
