import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTlsFiles, SlapdInstance } from '@internal/slapd-harness';
import {
  createSource,
  demoSourceConfig,
  readSource,
  SLAPD_TIMEOUT_MS,
  startDemoSlapd,
} from './__testUtils__/demoDirectory';

describe('LDAP source over TLS', () => {
  let instance: SlapdInstance;
  let otherCaPem: string;
  let otherCaDir: string;

  beforeAll(async () => {
    instance = await startDemoSlapd({ slapd: { tls: true } });
    otherCaDir = await mkdtemp(join(tmpdir(), 'org-sync-ldap-other-ca-'));
    otherCaPem = (await createTlsFiles(otherCaDir, { caName: 'Other CA' }))
      .caPem;
  }, SLAPD_TIMEOUT_MS);

  afterAll(async () => {
    await instance?.stop();
    await rm(otherCaDir, { recursive: true, force: true });
  });

  it('reads over ldaps:// with a CA bundle file', async () => {
    const result = await readSource(
      createSource({
        ...demoSourceConfig(instance.tls!.ldapsUrl),
        tls: { ca: instance.tls!.caFile },
      }),
    );
    expect(result.complete).toBe(true);
    expect(result.users.length).toBeGreaterThan(0);
    expect(result.groups.length).toBeGreaterThan(0);
  });

  it('reads over StartTLS with an inline CA', async () => {
    const result = await readSource(
      createSource({
        ...demoSourceConfig(instance.url),
        tls: { startTls: true, ca: instance.tls!.caPem },
      }),
    );
    expect(result.complete).toBe(true);
    expect(result.users.length).toBeGreaterThan(0);
  });

  it.each([
    ['ldaps://', () => instance.tls!.ldapsUrl, {}],
    ['StartTLS', () => instance.url, { startTls: true }],
  ])(
    'refuses a server certificate from another CA (%s)',
    async (_, url, tls) => {
      await expect(
        readSource(
          createSource({
            ...demoSourceConfig(url()),
            tls: { ...tls, ca: otherCaPem },
          }),
        ),
      ).rejects.toThrow(
        /Could not connect and bind to any LDAP server: .* failed: Error: self-signed certificate in certificate chain/,
      );
    },
  );

  it('refuses a self-made CA without a CA bundle (Node default trust)', async () => {
    await expect(
      readSource(createSource(demoSourceConfig(instance.tls!.ldapsUrl))),
    ).rejects.toThrow(
      /Could not connect and bind to any LDAP server: ldaps:\/\/127\.0\.0\.1:\d+ failed: Error: .*certificate/,
    );
  });

  it('connects without checks only when rejectUnauthorized is false', async () => {
    const result = await readSource(
      createSource({
        ...demoSourceConfig(instance.tls!.ldapsUrl),
        tls: { rejectUnauthorized: false },
      }),
    );
    expect(result.users.length).toBeGreaterThan(0);
  });
});
