import type { OrgSourceReadResult } from '@identity-portal/plugin-catalog-org-sync-node';
import {
  createOrgGraph,
  DemoOrg,
  ldapLayout,
  loadDemoOrg,
} from '@internal/demo-org';
import type { SlapdInstance } from '@internal/slapd-harness';
import {
  BASE_DN,
  createSource,
  deadUrl,
  demoSourceConfig,
  PEOPLE_DN,
  READER_DN,
  readSource,
  SLAPD_TIMEOUT_MS,
  startDemoSlapd,
} from './__testUtils__/demoDirectory';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Memberships of a result with keys replaced by names, for comparisons. */
function byName(result: OrgSourceReadResult) {
  const names = new Map<string, string>();
  for (const entity of [...result.users, ...result.groups]) {
    names.set(entity.key, entity.name);
  }
  const sorted = (keys: string[]) => keys.map(key => names.get(key)!).sort();
  return {
    users: Object.fromEntries(
      result.users.map(user => [user.name, sorted(user.memberOf)]),
    ),
    groups: Object.fromEntries(
      result.groups.map(group => [
        group.name,
        {
          members: sorted(group.members),
          children: sorted(group.children),
          parents: sorted(group.parents),
        },
      ]),
    ),
  };
}

/** What the demo org says the memberships are (enabled people only). */
function expectedMemberships(org: DemoOrg, includeDisabled = false) {
  const graph = createOrgGraph(org);
  const people = org.people.filter(p => includeDisabled || !p.disabled);
  return {
    users: Object.fromEntries(
      people.map(person => [person.ldap.uid, [...person.teams].sort()]),
    ),
    groups: Object.fromEntries(
      org.teams.map(team => [
        team.id,
        {
          members: graph
            .directMembers(team.id)
            .filter(p => includeDisabled || !p.disabled)
            .map(p => p.ldap.uid)
            .sort(),
          children: graph
            .childTeams(team.id)
            .map(t => t.id)
            .sort(),
          parents: team.parent ? [team.parent] : [],
        },
      ]),
    ),
  };
}

describe('LDAP source against slapd with the demo organisation', () => {
  const org = loadDemoOrg();
  const layout = ldapLayout({ baseDn: BASE_DN });
  let instance: SlapdInstance;

  beforeAll(async () => {
    // A size limit below the number of people: only paged searches get
    // everything (like Active Directory's MaxPageSize).
    instance = await startDemoSlapd({ slapd: { sizeLimit: 5 } });
    await instance.add(
      [
        `dn: ou=empty,${BASE_DN}`,
        'objectClass: organizationalUnit',
        'ou: empty',
        '',
        `dn: ou=extra,${BASE_DN}`,
        'objectClass: organizationalUnit',
        'ou: extra',
        '',
        `dn: uid=complete,ou=extra,${BASE_DN}`,
        'objectClass: inetOrgPerson',
        'uid: complete',
        'cn: Complete Person',
        'sn: Person',
        '',
        `dn: cn=No Uid,ou=extra,${BASE_DN}`,
        'objectClass: inetOrgPerson',
        'cn: No Uid',
        'sn: Uid',
        '',
      ].join('\n'),
    );
  }, SLAPD_TIMEOUT_MS);

  afterAll(() => instance?.stop());

  it('reads every enabled person and every team with members, children and parents', async () => {
    const source = createSource({
      ...demoSourceConfig(instance.url),
      pageSize: 4,
      users: {
        baseDn: PEOPLE_DN,
        disabledFilter: '(employeeType=disabled)',
        identifiers: { email: 'mail', employeeNumber: 'employeeNumber' },
        fields: {
          'metadata.annotations.example.com/employee-number': 'employeeNumber',
          'metadata.title': 'displayName',
        },
      },
    });
    const result = await readSource(source);

    expect(result.problems).toEqual([]);
    expect(result.complete).toBe(true);
    expect(byName(result)).toEqual(expectedMemberships(org));

    const zoe = org.people.find(p => p.ldap.uid === 'zhoffmann')!;
    const user = result.users.find(u => u.name === 'zhoffmann')!;
    expect(user).toEqual({
      key: expect.stringMatching(UUID),
      name: 'zhoffmann',
      displayName: zoe.displayName,
      email: zoe.email,
      identifiers: { email: zoe.email, employeeNumber: zoe.id },
      annotations: {
        'backstage.io/ldap-dn': layout.personDn(zoe),
        'backstage.io/ldap-rdn': 'zhoffmann',
        'backstage.io/ldap-uuid': user.key,
      },
      fields: {
        'metadata.annotations.example.com/employee-number': zoe.id,
        'metadata.title': zoe.displayName,
      },
      memberOf: expect.any(Array),
    });
    const sre = result.groups.find(g => g.name === 'sre')!;
    expect(sre).toMatchObject({
      key: expect.stringMatching(UUID),
      displayName: 'sre',
      description: 'Keeps production up',
      type: 'team',
      annotations: {
        'backstage.io/ldap-dn': layout.teamDn('sre'),
        'backstage.io/ldap-rdn': 'sre',
        'backstage.io/ldap-uuid': sre.key,
      },
    });
  });

  it.each(['memberOf', 'both'])(
    'gives the same memberships when reading the %s side',
    async memberships => {
      const result = await readSource(
        createSource({ ...demoSourceConfig(instance.url), memberships }),
      );
      expect(result.problems).toEqual([]);
      expect(byName(result)).toEqual(expectedMemberships(org));
    },
  );

  it('detects OpenLDAP and excludes nothing without a disabled filter', async () => {
    const config = demoSourceConfig(instance.url);
    const source = createSource({
      ...config,
      users: { baseDn: PEOPLE_DN },
    });
    const result = await readSource(source);
    expect(result.users).toHaveLength(org.people.length);
    expect(byName(result)).toEqual(expectedMemberships(org, true));
  });

  it('filters disabled people unless includeDisabled is set', async () => {
    const disabled = org.people.filter(p => p.disabled).map(p => p.ldap.uid);
    expect(disabled.length).toBeGreaterThan(0);
    const names = async (includeDisabled: boolean) => {
      const config = demoSourceConfig(instance.url);
      const result = await readSource(
        createSource({
          ...config,
          users: { ...config.users, includeDisabled },
        }),
      );
      return result.users.map(u => u.name);
    };
    const enabled = await names(false);
    for (const uid of disabled) {
      expect(enabled).not.toContain(uid);
    }
    expect(await names(true)).toEqual(expect.arrayContaining(disabled));
  });

  it('throws naming the cause when the password is wrong', async () => {
    const config = demoSourceConfig(instance.url);
    const source = createSource({
      ...config,
      bind: { dn: READER_DN, password: 'not-the-password' },
    });
    const error = await readSource(source).catch(e => e);
    expect(error.message).toContain(
      `LDAP bind as "${READER_DN}" was rejected by ${instance.url} with invalid credentials (LDAP result 49); caused by InvalidCredentialsError`,
    );
    expect(error.message).not.toContain('not-the-password');
  });

  it('skips an unreachable first URL and reports it', async () => {
    const dead = await deadUrl();
    const { url: _url, ...config } = demoSourceConfig(instance.url);
    const result = await readSource(
      createSource({
        ...config,
        urls: [dead, instance.url],
        timeouts: { connect: { seconds: 2 } },
      }),
    );
    expect(result.complete).toBe(true);
    expect(result.users.length).toBeGreaterThan(0);
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        code: 'url-unavailable',
        message: expect.stringMatching(
          new RegExp(
            `^${dead} failed: Error: .*ECONNREFUSED.*; used ${instance.url} instead$`,
          ),
        ),
      },
    ]);
  });

  it('throws naming every URL when none is reachable', async () => {
    const [a, b] = [await deadUrl(), await deadUrl()];
    const { url: _url, ...config } = demoSourceConfig(instance.url);
    await expect(
      readSource(createSource({ ...config, urls: [a, b] })),
    ).rejects.toThrow(
      new RegExp(
        `Could not connect and bind to any LDAP server: ${a} failed: .*ECONNREFUSED.*; ${b} failed: .*ECONNREFUSED`,
      ),
    );
  });

  it('returns an empty result for an empty subtree', async () => {
    const result = await readSource(
      createSource({
        ...demoSourceConfig(instance.url),
        users: { baseDn: `ou=empty,${BASE_DN}` },
        groups: { baseDn: `ou=empty,${BASE_DN}` },
      }),
    );
    expect(result).toEqual({
      users: [],
      groups: [],
      complete: true,
      problems: [],
    });
  });

  it('throws when the base DN does not exist', async () => {
    await expect(
      readSource(
        createSource({
          ...demoSourceConfig(instance.url),
          users: { baseDn: `ou=missing,${BASE_DN}` },
          groups: { baseDn: `ou=missing,${BASE_DN}` },
        }),
      ),
    ).rejects.toThrow(
      /failed before anything was read; caused by NoSuchObjectError/,
    );
  });

  it('skips an entry without the name attribute and reports it', async () => {
    const result = await readSource(
      createSource({
        ...demoSourceConfig(instance.url),
        users: { baseDn: `ou=extra,${BASE_DN}` },
      }),
    );
    expect(result.complete).toBe(true);
    expect(result.users.map(u => u.name)).toEqual(['complete']);
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        code: 'missing-name-attribute',
        message: `Skipped user cn=No Uid,ou=extra,${BASE_DN}: it has no uid (the name attribute)`,
        entry: `cn=No Uid,ou=extra,${BASE_DN}`,
        // The key lets the engine keep the entity it committed for this entry before.
        key: expect.stringMatching(/^[0-9a-f-]{36}$/),
      },
    ]);
  });

  it('reads users only when no groups are configured', async () => {
    const { groups: _groups, ...config } = demoSourceConfig(instance.url);
    const result = await readSource(createSource(config));
    expect(result.groups).toEqual([]);
    expect(result.users.length).toBeGreaterThan(0);
    // memberOf points at groups that were not read: dropped
    expect(result.users.every(u => u.memberOf.length === 0)).toBe(true);
  });
});

describe('LDAP source against slapd with people named by cn (escaped DNs)', () => {
  const org = loadDemoOrg();
  let instance: SlapdInstance;

  beforeAll(async () => {
    instance = await startDemoSlapd({ ldif: { personRdnAttribute: 'cn' } });
  }, SLAPD_TIMEOUT_MS);

  afterAll(() => instance?.stop());

  it('resolves members whose DNs contain escaped commas and non-ASCII', async () => {
    const result = await readSource(
      createSource(demoSourceConfig(instance.url)),
    );
    expect(result.problems).toEqual([]);
    expect(byName(result)).toEqual(expectedMemberships(org));
    const jane = result.users.find(u => u.name === 'jsmith')!;
    expect(jane.annotations['backstage.io/ldap-rdn']).toBe('Smith, Jane');
    expect(jane.memberOf).toHaveLength(1);
  });
});
