import { ldifLine } from '@internal/demo-org';

/** The schemas every harness directory includes, in dependency order. */
export const BASE_SCHEMAS = [
  '/etc/ldap/schema/core.ldif',
  '/etc/ldap/schema/cosine.ldif',
  '/etc/ldap/schema/nis.ldif',
  '/etc/ldap/schema/inetorgperson.ldif',
];

const MODULE_PATH = '/usr/lib/ldap';

/** What {@link buildConfigLdif} needs to know. */
export interface ConfigLdifParams {
  suffix: string;
  rootDn: string;
  /** A `{SSHA}` (or other slapd-supported) hash of the root password. */
  rootPasswordHash: string;
  databaseDirectory: string;
  pidFile: string;
  sizeLimit: number | 'unlimited';
  schemaFiles: string[];
  /** Certificate files for StartTLS and ldaps://; no TLS when absent. */
  tls?: { caFile: string; certFile: string; keyFile: string };
}

function record(dn: string, lines: string[]): string {
  return [ldifLine('dn', dn), ...lines].join('\n');
}

function sizeLimitForUsers(sizeLimit: number | 'unlimited'): string {
  const limit = String(sizeLimit);
  return [
    `size.soft=${limit}`,
    `size.hard=${limit}`,
    'size.pr=unlimited',
    'size.prtotal=unlimited',
    'time.soft=unlimited',
    'time.hard=unlimited',
  ].join(' ');
}

/**
 * Renders the cn=config LDIF that `slapadd -n0` turns into a slapd.d
 * directory: modules, schemas, one mdb database for the suffix with the
 * memberof and refint overlays, indexes, limits and ACLs.
 */
export function buildConfigLdif(params: ConfigLdifParams): string {
  const database = `olcDatabase={1}mdb,cn=config`;
  const records = [
    record('cn=config', [
      'objectClass: olcGlobal',
      'cn: config',
      ldifLine('olcPidFile', params.pidFile),
      'olcLogLevel: none',
      ...(params.tls
        ? [
            ldifLine('olcTLSCACertificateFile', params.tls.caFile),
            ldifLine('olcTLSCertificateFile', params.tls.certFile),
            ldifLine('olcTLSCertificateKeyFile', params.tls.keyFile),
          ]
        : []),
    ]),
    record('cn=module{0},cn=config', [
      'objectClass: olcModuleList',
      'cn: module{0}',
      `olcModulePath: ${MODULE_PATH}`,
      'olcModuleLoad: {0}back_mdb',
      'olcModuleLoad: {1}memberof',
      'olcModuleLoad: {2}refint',
    ]),
    record('cn=schema,cn=config', [
      'objectClass: olcSchemaConfig',
      'cn: schema',
    ]),
    ...params.schemaFiles.map(file => `include: file://${file}`),
    record('olcDatabase={-1}frontend,cn=config', [
      'objectClass: olcDatabaseConfig',
      'objectClass: olcFrontendConfig',
      'olcDatabase: {-1}frontend',
      'olcAccess: {0}to dn.base="" by * read',
      'olcAccess: {1}to dn.base="cn=Subschema" by * read',
    ]),
    record('olcDatabase={0}config,cn=config', [
      'objectClass: olcDatabaseConfig',
      'olcDatabase: {0}config',
      'olcAccess: {0}to * by * none',
    ]),
    record(database, [
      'objectClass: olcDatabaseConfig',
      'objectClass: olcMdbConfig',
      'olcDatabase: {1}mdb',
      ldifLine('olcDbDirectory', params.databaseDirectory),
      ldifLine('olcSuffix', params.suffix),
      ldifLine('olcRootDN', params.rootDn),
      ldifLine('olcRootPW', params.rootPasswordHash),
      // Throwaway directories: trade durability on OS crash for speed.
      'olcDbNoSync: TRUE',
      'olcDbMaxSize: 1073741824',
      'olcDbIndex: objectClass eq',
      'olcDbIndex: uid eq',
      'olcDbIndex: cn eq',
      'olcDbIndex: mail eq',
      'olcDbIndex: member eq',
      'olcDbIndex: memberOf eq',
      `olcLimits: {0}users ${sizeLimitForUsers(params.sizeLimit)}`,
      'olcAccess: {0}to attrs=userPassword,shadowLastChange by self write by anonymous auth by * none',
      'olcAccess: {1}to * by users read by * none',
    ]),
    record(`olcOverlay={0}memberof,${database}`, [
      'objectClass: olcOverlayConfig',
      'objectClass: olcMemberOf',
      'olcOverlay: {0}memberof',
      'olcMemberOfRefInt: TRUE',
      'olcMemberOfGroupOC: groupOfNames',
      'olcMemberOfMemberAD: member',
      'olcMemberOfMemberOfAD: memberOf',
    ]),
    record(`olcOverlay={1}refint,${database}`, [
      'objectClass: olcOverlayConfig',
      'objectClass: olcRefintConfig',
      'olcOverlay: {1}refint',
      'olcRefintAttribute: member',
    ]),
  ];
  return `${records.join('\n\n')}\n`;
}
