import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'ldapts';
import { DEMO_SUFFIX, startDemoDirectory } from './demoDirectory';
import { findFreePort } from './ports';

const SLAPD_TIMEOUT_MS = 30_000;

function peopleLdif(uids: string[]): string {
  const entries = uids.map(
    uid => `dn: uid=${uid},ou=people,${DEMO_SUFFIX}
objectClass: inetOrgPerson
uid: ${uid}
cn: ${uid}
sn: ${uid}
userPassword: ${uid}-pw`,
  );
  return [
    `dn: ou=people,${DEMO_SUFFIX}\nobjectClass: organizationalUnit\nou: people`,
    ...entries,
  ].join('\n\n');
}

async function listUids(url: string, password: string): Promise<string[]> {
  const client = new Client({ url });
  try {
    await client.bind(`cn=admin,${DEMO_SUFFIX}`, password);
    const { searchEntries } = await client.search(`ou=people,${DEMO_SUFFIX}`, {
      filter: '(uid=*)',
      attributes: ['uid'],
    });
    return searchEntries.map(entry => String(entry.uid)).sort();
  } finally {
    await client.unbind();
  }
}

describe('startDemoDirectory', () => {
  let workDir: string;

  beforeEach(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'slapd-demo-test-'));
  });

  afterEach(() => rm(workDir, { recursive: true, force: true }));

  it(
    'loads the LDIF on the first start only and reloads it when it changes',
    async () => {
      const ldifFile = join(workDir, 'demo.ldif');
      const dataDir = join(workDir, 'data');
      const port = await findFreePort();
      const options = { ldifFile, dataDir, port, rootPassword: 'demo-root' };
      await writeFile(ldifFile, peopleLdif(['ann', 'ben']));

      const first = await startDemoDirectory(options);
      expect(first.url).toBe(`ldap://127.0.0.1:${port}`);
      expect(first.suffix).toBe(DEMO_SUFFIX);
      await first.add(peopleLdif(['extra']).split('\n\n')[1]);
      await first.stop();
      expect(existsSync(join(dataDir, 'ldif.sha256'))).toBe(true);

      const second = await startDemoDirectory(options);
      try {
        expect(await listUids(second.url, 'demo-root')).toEqual([
          'ann',
          'ben',
          'extra',
        ]);
      } finally {
        await second.stop();
      }

      await writeFile(ldifFile, peopleLdif(['ann', 'cat']));
      const third = await startDemoDirectory(options);
      try {
        expect(await listUids(third.url, 'demo-root')).toEqual(['ann', 'cat']);
      } finally {
        await third.stop();
      }
      expect(
        (await readFile(join(dataDir, 'ldif.sha256'), 'utf8')).trim(),
      ).toMatch(/^[0-9a-f]{64}$/);
    },
    SLAPD_TIMEOUT_MS,
  );

  it(
    'refuses a taken port without touching the data directory',
    async () => {
      const ldifFile = join(workDir, 'demo.ldif');
      const dataDir = join(workDir, 'data');
      await writeFile(ldifFile, peopleLdif(['ann']));
      const running = await startDemoDirectory({
        ldifFile,
        dataDir,
        port: await findFreePort(),
        rootPassword: 'pw',
      });
      try {
        await expect(
          startDemoDirectory({
            ldifFile,
            dataDir: join(workDir, 'other'),
            port: running.port,
            rootPassword: 'pw',
          }),
        ).rejects.toThrow(
          `Port ${running.port} on 127.0.0.1 is already in use`,
        );
        expect(existsSync(join(workDir, 'other'))).toBe(false);
      } finally {
        await running.stop();
      }
    },
    SLAPD_TIMEOUT_MS,
  );
});
