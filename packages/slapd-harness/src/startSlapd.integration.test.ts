import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Change,
  Attribute,
  Client,
  InvalidCredentialsError,
  SizeLimitExceededError,
} from 'ldapts';
import { SLAPD_NOT_INSTALLED_MESSAGE } from './errors';
import { startSlapd } from './startSlapd';
import { SlapdInstance, StartSlapdOptions } from './types';

const SLAPD_TIMEOUT_MS = 30_000;
const SUFFIX = 'dc=example,dc=com';
const ALICE = `uid=alice,ou=people,${SUFFIX}`;
const BOB = `uid=bob,ou=people,${SUFFIX}`;
const ENGINEERS = `cn=engineers,ou=groups,${SUFFIX}`;

const SMALL_LDIF = `dn: ou=people,${SUFFIX}
objectClass: organizationalUnit
ou: people

dn: ${ALICE}
objectClass: inetOrgPerson
uid: alice
cn: Alice Archer
sn: Archer
mail: alice@example.com
userPassword: alice-secret

dn: ${BOB}
objectClass: inetOrgPerson
uid: bob
cn: Bob Baker
sn: Baker
mail: bob@example.com
userPassword: bob-secret

dn: ou=groups,${SUFFIX}
objectClass: organizationalUnit
ou: groups

dn: ${ENGINEERS}
objectClass: groupOfNames
cn: engineers
member: ${ALICE}
member: ${BOB}
`;

async function withClient<T>(
  url: string,
  bindDn: string,
  password: string,
  use: (client: Client) => Promise<T>,
): Promise<T> {
  const client = new Client({ url, connectTimeout: 2000 });
  try {
    await client.bind(bindDn, password);
    return await use(client);
  } finally {
    await client.unbind().catch(() => {});
  }
}

function asArray(value: unknown): string[] {
  if (value === undefined) {
    return [];
  }
  return (Array.isArray(value) ? value : [value]).map(String);
}

async function findUids(instance: SlapdInstance): Promise<string[]> {
  return withClient(
    instance.url,
    instance.rootDn,
    instance.rootPassword,
    async client => {
      const { searchEntries } = await client.search(`ou=people,${SUFFIX}`, {
        filter: '(objectClass=inetOrgPerson)',
        attributes: ['uid'],
      });
      return searchEntries.flatMap(entry => asArray(entry.uid)).sort();
    },
  );
}

async function memberOfAlice(instance: SlapdInstance): Promise<string[]> {
  return withClient(instance.url, ALICE, 'alice-secret', async client => {
    const { searchEntries } = await client.search(ALICE, {
      scope: 'base',
      attributes: ['memberOf'],
    });
    return asArray(searchEntries[0]?.memberOf);
  });
}

describe('startSlapd loading with ldapadd', () => {
  let instance: SlapdInstance;

  beforeAll(async () => {
    instance = await startSlapd({ suffix: SUFFIX, ldif: SMALL_LDIF });
  }, SLAPD_TIMEOUT_MS);

  afterAll(() => instance?.stop());

  it('describes where it listens', () => {
    expect(instance.url).toBe(`ldap://127.0.0.1:${instance.port}`);
    expect(instance.rootDn).toBe(`cn=admin,${SUFFIX}`);
    expect(instance.rootPassword.length).toBeGreaterThanOrEqual(16);
  });

  it('accepts a root bind', async () => {
    const whoami = await withClient(
      instance.url,
      instance.rootDn,
      instance.rootPassword,
      client => client.exop('1.3.6.1.4.1.4203.1.11.3'),
    );
    expect(whoami.value).toBe(`dn:${instance.rootDn}`);
  });

  it('lets users bind with their password only', async () => {
    await expect(
      withClient(instance.url, ALICE, 'alice-secret', async () => 'bound'),
    ).resolves.toBe('bound');
    await expect(
      withClient(instance.url, ALICE, 'wrong', async () => 'bound'),
    ).rejects.toBeInstanceOf(InvalidCredentialsError);
  });

  it('finds the loaded users, including the generated suffix entry', async () => {
    expect(await findUids(instance)).toEqual(['alice', 'bob']);
    const suffixEntry = await withClient(
      instance.url,
      BOB,
      'bob-secret',
      async client =>
        (
          await client.search(SUFFIX, { scope: 'base' })
        ).searchEntries,
    );
    expect(suffixEntry[0].dn).toBe(SUFFIX);
  });

  it('maintains memberOf on group members', async () => {
    expect(await memberOfAlice(instance)).toEqual([ENGINEERS]);
  });

  it('hides passwords from other users but lets users change their own', async () => {
    const bobSeesAlice = await withClient(
      instance.url,
      BOB,
      'bob-secret',
      async client =>
        (
          await client.search(ALICE, {
            scope: 'base',
            attributes: ['userPassword', 'cn'],
          })
        ).searchEntries[0],
    );
    expect(bobSeesAlice.cn).toBe('Alice Archer');
    expect(asArray(bobSeesAlice.userPassword)).toEqual([]);

    await withClient(instance.url, BOB, 'bob-secret', client =>
      client.modify(
        BOB,
        new Change({
          operation: 'replace',
          modification: new Attribute({
            type: 'userPassword',
            values: ['bob-new'],
          }),
        }),
      ),
    );
    await expect(
      withClient(instance.url, BOB, 'bob-new', async () => 'bound'),
    ).resolves.toBe('bound');
  });

  it('adds entries with add()', async () => {
    await instance.add(`dn: uid=carol,ou=people,${SUFFIX}
objectClass: inetOrgPerson
uid: carol
cn: Carol Clark
sn: Clark
userPassword: carol-secret
`);
    expect(await findUids(instance)).toEqual(['alice', 'bob', 'carol']);
    await expect(
      withClient(
        instance.url,
        `uid=carol,ou=people,${SUFFIX}`,
        'carol-secret',
        async () => 'bound',
      ),
    ).resolves.toBe('bound');
  });

  it('reports what ldapadd rejected', async () => {
    await expect(
      instance.add(
        `dn: ${ALICE}\nobjectClass: inetOrgPerson\nuid: alice\ncn: A\nsn: A\n`,
      ),
    ).rejects.toThrow(/ldapadd exited with 68: .*Already exists/s);
  });
});

describe('startSlapd', () => {
  const running: SlapdInstance[] = [];

  // Stopped after each test even when an assertion fails half-way.
  async function start(options: StartSlapdOptions): Promise<SlapdInstance> {
    const instance = await startSlapd(options);
    running.push(instance);
    return instance;
  }

  afterEach(async () => {
    await Promise.all(running.splice(0).map(instance => instance.stop()));
  });

  it(
    'bulk-loads the same data with slapadd, without memberOf',
    async () => {
      const instance = await start({
        suffix: SUFFIX,
        ldif: SMALL_LDIF,
        loadWith: 'slapadd',
      });
      expect(await findUids(instance)).toEqual(['alice', 'bob']);
      expect(await memberOfAlice(instance)).toEqual([]);
    },
    SLAPD_TIMEOUT_MS,
  );

  it(
    'stops the server and removes its temporary directory, also when called twice',
    async () => {
      const instance = await start({ suffix: SUFFIX });
      expect(existsSync(instance.dataDir)).toBe(true);
      await Promise.all([instance.stop(), instance.stop()]);
      await instance.stop();

      expect(existsSync(instance.dataDir)).toBe(false);
      expect((await instance.exited).stopped).toBe(true);
      await expect(
        withClient(
          instance.url,
          instance.rootDn,
          instance.rootPassword,
          async () => 'bound',
        ),
      ).rejects.toThrow(/ECONNREFUSED/);
      await expect(
        instance.add(
          `dn: ou=late,${SUFFIX}\nobjectClass: organizationalUnit\nou: late\n`,
        ),
      ).rejects.toThrow(/not running/);
    },
    SLAPD_TIMEOUT_MS,
  );

  it(
    'runs two instances at once on different ports',
    async () => {
      const [first, second] = await Promise.all([
        start({ suffix: 'dc=first,dc=test' }),
        start({ suffix: 'o=second' }),
      ]);
      expect(first.port).not.toBe(second.port);
      for (const instance of [first, second]) {
        const entries = await withClient(
          instance.url,
          instance.rootDn,
          instance.rootPassword,
          async client =>
            (
              await client.search(instance.suffix, { scope: 'base' })
            ).searchEntries,
        );
        expect(entries.map(entry => entry.dn)).toEqual([instance.suffix]);
      }
    },
    SLAPD_TIMEOUT_MS,
  );

  it(
    'keeps a given dataDir and does not reload it on the next start',
    async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'slapd-test-data-'));
      try {
        const first = await start({
          suffix: SUFFIX,
          ldif: SMALL_LDIF,
          dataDir,
        });
        await first.add(
          `dn: uid=dave,ou=people,${SUFFIX}\nobjectClass: inetOrgPerson\nuid: dave\ncn: Dave\nsn: D\n`,
        );
        await first.stop();
        expect(existsSync(join(dataDir, 'mdb', 'data.mdb'))).toBe(true);

        const second = await start({
          suffix: SUFFIX,
          ldif: SMALL_LDIF,
          dataDir,
          rootPassword: 'other',
        });
        expect(await findUids(second)).toEqual(['alice', 'bob', 'dave']);
        await second.stop();

        await expect(
          start({ suffix: 'dc=other,dc=com', dataDir }),
        ).rejects.toThrow(/holds a database for dc=example,dc=com/);
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
    SLAPD_TIMEOUT_MS,
  );

  it(
    'says clearly when the port is taken',
    async () => {
      const instance = await start({ suffix: SUFFIX });
      await expect(
        start({ suffix: SUFFIX, port: instance.port }),
      ).rejects.toThrow(`Port ${instance.port} on 127.0.0.1 is already in use`);
    },
    SLAPD_TIMEOUT_MS,
  );

  it(
    'limits plain searches to sizeLimit but lets paged searches return everything',
    async () => {
      const instance = await start({
        suffix: SUFFIX,
        ldif: SMALL_LDIF,
        sizeLimit: 2,
      });
      await withClient(instance.url, ALICE, 'alice-secret', async client => {
        await expect(
          client.search(SUFFIX, { filter: '(objectClass=*)' }),
        ).rejects.toBeInstanceOf(SizeLimitExceededError);
        const paged = await client.search(SUFFIX, {
          filter: '(objectClass=*)',
          paged: { pageSize: 4 },
        });
        expect(paged.searchEntries).toHaveLength(6);
      });
    },
    SLAPD_TIMEOUT_MS,
  );

  it('explains how to install slapd when a binary is missing', async () => {
    const attempt = start({
      suffix: SUFFIX,
      slapdPath: '/nonexistent/sbin/slapd',
    });
    await expect(attempt).rejects.toThrow(SLAPD_NOT_INSTALLED_MESSAGE);
    await expect(attempt).rejects.toThrow('/nonexistent/sbin/slapd');
    await expect(attempt).rejects.toMatchObject({
      name: 'SlapdNotInstalledError',
    });
    expect(SLAPD_NOT_INSTALLED_MESSAGE).toBe(
      'slapd is not installed: run `apt-get install slapd ldap-utils` (as root)',
    );
  });

  it(
    'reports configuration errors with the tool output',
    async () => {
      await expect(
        start({ suffix: SUFFIX, extraSchemas: ['/nonexistent/schema.ldif'] }),
      ).rejects.toThrow(/^slapadd exited with \d+: .+/s);
    },
    SLAPD_TIMEOUT_MS,
  );

  it(
    "fails with the tail of slapd's stderr when slapd exits during startup",
    async () => {
      await expect(
        start({ suffix: SUFFIX, logLevel: 'bogus' }),
      ).rejects.toThrow(
        /slapd exited during startup .*unrecognized log level "bogus"/s,
      );
    },
    SLAPD_TIMEOUT_MS,
  );

  it(
    'gives up after readyTimeoutMs when slapd does not answer',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'slapd-test-fake-'));
      try {
        const fakeSlapd = join(dir, 'slapd');
        await writeFile(
          fakeSlapd,
          '#!/bin/sh\necho "fake slapd is stuck" >&2\nexec sleep 30\n',
          { mode: 0o755 },
        );
        const startedAt = Date.now();
        await expect(
          start({ suffix: SUFFIX, slapdPath: fakeSlapd, readyTimeoutMs: 500 }),
        ).rejects.toThrow(/did not answer within 500 ms.*fake slapd is stuck/s);
        expect(Date.now() - startedAt).toBeLessThan(5000);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    SLAPD_TIMEOUT_MS,
  );

  it('rejects invalid options before starting anything', async () => {
    await expect(start({ suffix: 'example' })).rejects.toThrow(
      /suffix must be a DN/,
    );
    await expect(start({ suffix: SUFFIX, port: 70000 })).rejects.toThrow(
      /port must be/,
    );
  });
});
