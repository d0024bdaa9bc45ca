import { BASE_SCHEMAS, buildConfigLdif } from './configLdif';

const params = {
  suffix: 'dc=example,dc=com',
  rootDn: 'cn=admin,dc=example,dc=com',
  rootPasswordHash: '{SSHA}abc',
  databaseDirectory: '/tmp/x/mdb',
  pidFile: '/tmp/x/slapd.pid',
  sizeLimit: 'unlimited' as const,
  schemaFiles: BASE_SCHEMAS,
};

describe('buildConfigLdif', () => {
  it('configures the database, overlays and schemas', () => {
    const ldif = buildConfigLdif(params);
    expect(ldif).toContain('olcSuffix: dc=example,dc=com');
    expect(ldif).toContain('olcRootPW: {SSHA}abc');
    expect(ldif).toContain('olcModuleLoad: {1}memberof');
    expect(ldif).toContain('olcMemberOfGroupOC: groupOfNames');
    expect(ldif).toContain(
      'include: file:///etc/ldap/schema/inetorgperson.ldif',
    );
    expect(ldif).toContain('by anonymous auth');
    expect(ldif).toContain(
      'olcLimits: {0}users size.soft=unlimited size.hard=unlimited size.pr=unlimited size.prtotal=unlimited',
    );
  });

  it('renders a numeric size limit like Active Directory paging', () => {
    expect(buildConfigLdif({ ...params, sizeLimit: 1000 })).toContain(
      'size.soft=1000 size.hard=1000 size.pr=unlimited size.prtotal=unlimited',
    );
  });

  it('base64-encodes non-ASCII suffixes', () => {
    const ldif = buildConfigLdif({ ...params, suffix: 'o=Bücher' });
    expect(ldif).toContain(
      `olcSuffix:: ${Buffer.from('o=Bücher').toString('base64')}`,
    );
  });

  it('configures TLS certificates only when asked', () => {
    expect(buildConfigLdif(params)).not.toContain('olcTLS');
    const ldif = buildConfigLdif({
      ...params,
      tls: {
        caFile: '/tmp/x/tls/ca.pem',
        certFile: '/tmp/x/tls/server.pem',
        keyFile: '/tmp/x/tls/server.key',
      },
    });
    expect(ldif).toContain('olcTLSCACertificateFile: /tmp/x/tls/ca.pem');
    expect(ldif).toContain('olcTLSCertificateFile: /tmp/x/tls/server.pem');
    expect(ldif).toContain('olcTLSCertificateKeyFile: /tmp/x/tls/server.key');
  });
});
