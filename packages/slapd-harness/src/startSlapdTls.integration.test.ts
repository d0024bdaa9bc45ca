import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'ldapts';
import { startSlapd } from './startSlapd';
import { createTlsFiles } from './tlsFiles';
import { SlapdInstance } from './types';

const SLAPD_TIMEOUT_MS = 30_000;
const SUFFIX = 'dc=example,dc=com';

async function whoAmI(client: Client, instance: SlapdInstance) {
  try {
    await client.bind(instance.rootDn, instance.rootPassword);
    const { searchEntries } = await client.search(SUFFIX, {
      scope: 'base',
      attributes: ['dc'],
    });
    return searchEntries[0]?.dn;
  } finally {
    await client.unbind().catch(() => {});
  }
}

describe('startSlapd with tls', () => {
  let instance: SlapdInstance;

  beforeAll(async () => {
    instance = await startSlapd({ suffix: SUFFIX, tls: true });
  }, SLAPD_TIMEOUT_MS);

  afterAll(() => instance?.stop());

  it('serves ldaps:// with a certificate from its CA', async () => {
    expect(instance.tls?.ldapsUrl).toMatch(/^ldaps:\/\/127\.0\.0\.1:\d+$/);
    expect(instance.tls?.caPem).toContain('BEGIN CERTIFICATE');
    const client = new Client({
      url: instance.tls!.ldapsUrl,
      connectTimeout: 2000,
      tlsOptions: { ca: instance.tls!.caPem },
    });
    await expect(whoAmI(client, instance)).resolves.toBe(SUFFIX);
  });

  it('serves StartTLS on the ldap:// port', async () => {
    const client = new Client({ url: instance.url, connectTimeout: 2000 });
    await client.startTLS({ ca: instance.tls!.caPem, host: '127.0.0.1' });
    await expect(whoAmI(client, instance)).resolves.toBe(SUFFIX);
  });

  it('is refused by clients that trust another CA', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'slapd-harness-test-ca-'));
    try {
      const other = await createTlsFiles(dir, { caName: 'another CA' });
      const client = new Client({
        url: instance.tls!.ldapsUrl,
        connectTimeout: 2000,
        tlsOptions: { ca: other.caPem },
      });
      await expect(whoAmI(client, instance)).rejects.toThrow(
        /unable to verify|self.signed|certificate/i,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('has no tls section without the option', async () => {
    const plain = await startSlapd({ suffix: SUFFIX });
    try {
      expect(plain.tls).toBeUndefined();
    } finally {
      await plain.stop();
    }
  });
});

describe('createTlsFiles', () => {
  it('says so when openssl is missing', async () => {
    await expect(
      createTlsFiles(join(tmpdir(), 'unused'), {
        opensslPath: '/nonexistent/openssl',
      }),
    ).rejects.toThrow(
      'openssl is not installed (needed for tls): run `apt-get install openssl` (as root); missing: /nonexistent/openssl',
    );
  });
});
