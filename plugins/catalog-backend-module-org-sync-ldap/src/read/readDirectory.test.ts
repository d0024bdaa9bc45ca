import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  InvalidCredentialsError,
  type Entry,
  type SearchOptions,
} from 'ldapts';
import {
  FakeServer,
  fakeClients,
  guidBytes,
} from '../__testUtils__/fakeClient';
import { readLdapSourceConfig } from '../config/readLdapSourceConfig';
import { formatGuid } from '@identity-portal/ldap-node';
import { LdapOrgSource } from '../LdapOrgSource';
import type { LdapGroupTransformer, LdapUserTransformer } from '../transforms';

const PATH = 'catalog.providers.orgSync.corp.sources.ldap.ad';
const BASE = 'DC=corp,DC=example,DC=com';
const STAFF = `OU=Staff,${BASE}`;
const GROUPS = `OU=Groups,${BASE}`;
const IN_CHAIN = '1.2.840.113556.1.4.1941';

const janeDn = `CN=Smith\\, Jane,${STAFF}`;
const bobDn = `CN=Bob Baker,${STAFF}`;
const userDn = (n: number) => `CN=User ${n},${STAFF}`;
const webDn = `CN=Web,${GROUPS}`;
const engDn = `CN=Engineering,${GROUPS}`;
const bigDn = `CN=Big,${GROUPS}`;

const guid = (seed: number) => formatGuid(guidBytes(seed));

function adUser(
  dn: string,
  seed: number,
  name: string,
  extra: Partial<Entry> = {},
): Entry {
  return {
    dn,
    objectGUID: guidBytes(seed),
    sAMAccountName: name,
    displayName: `Display ${name}`,
    mail: `${name}@corp.example.com`,
    description: [],
    memberOf: [],
    ...extra,
  } as Entry;
}

function adGroup(
  dn: string,
  seed: number,
  name: string,
  extra: Partial<Entry> = {},
): Entry {
  return {
    dn,
    objectGUID: guidBytes(seed),
    sAMAccountName: name,
    cn: name,
    mail: [],
    description: `The ${name} group`,
    member: [],
    memberOf: [],
    ...extra,
  } as Entry;
}

const users = [
  adUser(janeDn, 1, 'jsmith', { memberOf: [webDn] }),
  adUser(bobDn, 2, 'bbaker', { memberOf: bigDn }),
  adUser(userDn(3), 3, 'u3'),
  adUser(userDn(4), 4, 'u4'),
  adUser(userDn(5), 5, 'u5'),
];

const groups = [
  adGroup(webDn, 10, 'web', {
    // slapd and AD may spell the same DN differently
    member: `CN=Smith\\2C Jane,${STAFF.toLowerCase()}`,
    memberOf: engDn,
  }),
  adGroup(engDn, 11, 'engineering', {
    member: [webDn, 'CN=Outside,OU=Elsewhere,DC=other'],
  }),
  adGroup(bigDn, 12, 'big', { 'member;range=0-1': [janeDn, bobDn] }),
];

const ranges: Record<string, Entry> = {
  'member;range=2-*': { dn: bigDn, 'member;range=2-3': [userDn(3), userDn(4)] },
  'member;range=4-*': { dn: bigDn, 'member;range=4-*': userDn(5) },
};

function adServer(overrides: Partial<FakeServer> = {}): FakeServer {
  return {
    search(baseDn, options) {
      if (baseDn === '') {
        return [{ dn: '', forestFunctionality: '7' }];
      }
      if (baseDn === bigDn) {
        const entry = ranges[options.attributes![0]];
        return entry ? [entry] : [];
      }
      return [];
    },
    pages(baseDn, options) {
      const filter = String(options.filter);
      if (filter.includes(IN_CHAIN)) {
        return filter.includes('CN=Engineering')
          ? [[{ dn: janeDn.toUpperCase() }]]
          : [[]];
      }
      if (baseDn === STAFF) {
        return [users.slice(0, 2), users.slice(2)];
      }
      if (baseDn === GROUPS) {
        return [groups];
      }
      return [];
    },
    ...overrides,
  };
}

const adConfig = {
  urls: ['ldaps://dc1.corp.example.com'],
  bind: { dn: 'svc@corp.example.com', password: 'the-password' },
  users: { baseDn: STAFF },
  groups: { baseDn: GROUPS },
};

function source(
  data: object,
  servers: Record<string, FakeServer>,
  transformers: {
    userTransformer?: LdapUserTransformer;
    groupTransformer?: LdapGroupTransformer;
  } = {},
) {
  const fake = fakeClients(servers);
  const logger = mockServices.logger.mock();
  const ldap = new LdapOrgSource({
    providerId: 'corp',
    sourceId: 'ad',
    config: readLdapSourceConfig(new ConfigReader(data as any), PATH),
    configPath: PATH,
    logger,
    createClient: fake.createClient,
    ...transformers,
  });
  return { ldap, fake, logger };
}

const read = (ldap: LdapOrgSource) =>
  ldap.read({ signal: new AbortController().signal });

describe('reading Active Directory (fake client)', () => {
  it('reads users and groups keyed by objectGUID with memberships from both sides', async () => {
    const { ldap, fake } = source(adConfig, {
      'ldaps://dc1.corp.example.com': adServer(),
    });
    const result = await read(ldap);

    expect(result.complete).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.users.map(u => u.name)).toEqual([
      'jsmith',
      'bbaker',
      'u3',
      'u4',
      'u5',
    ]);
    expect(result.users[0]).toEqual({
      key: guid(1),
      name: 'jsmith',
      displayName: 'Display jsmith',
      email: 'jsmith@corp.example.com',
      identifiers: { email: 'jsmith@corp.example.com' },
      annotations: {
        'backstage.io/ldap-dn': janeDn,
        'backstage.io/ldap-rdn': 'Smith, Jane',
        'backstage.io/ldap-uuid': guid(1),
      },
      fields: {},
      // from the member values of web and big (memberOf is not read)
      memberOf: [guid(10), guid(12)],
    });
    expect(result.users[1].memberOf).toEqual([guid(12)]);

    const [web, eng, big] = result.groups;
    expect(web).toMatchObject({
      key: guid(10),
      name: 'web',
      displayName: 'web',
      description: 'The web group',
      type: 'team',
      members: [guid(1)],
      children: [],
      parents: [guid(11)],
    });
    expect(eng).toMatchObject({
      members: [],
      children: [guid(10)],
      parents: [],
    });
    // range retrieval: 0-1 in the entry, then 2-3 and 4-*
    expect(big.members).toEqual([guid(1), guid(2), guid(3), guid(4), guid(5)]);

    const paged = fake.calls.filter(c => c.method === 'searchPaginated');
    const userSearch = paged.find(c => c.args[0] === STAFF)!
      .args[1] as SearchOptions;
    expect(userSearch.filter).toBe(
      '(&(&(objectCategory=person)(objectClass=user))(!(userAccountControl:1.2.840.113556.1.4.803:=2)))',
    );
    expect(userSearch.attributes).toEqual([
      'objectGUID',
      'sAMAccountName',
      'displayName',
      'mail',
      'description',
    ]);
    expect(userSearch.explicitBufferAttributes).toEqual(
      expect.arrayContaining(['objectGUID', 'objectSid']),
    );
    expect(userSearch.paged).toEqual({ pageSize: 1000 });
    const rangeSearches = fake.calls
      .filter(c => c.method === 'search' && c.args[0] === bigDn)
      .map(c => (c.args[1] as SearchOptions).attributes);
    expect(rangeSearches).toEqual([['member;range=2-*'], ['member;range=4-*']]);
    // users on the first connection, groups on a second, both unbound
    expect(
      fake.calls
        .filter(c => c.method === 'searchPaginated')
        .map(c => [c.client, c.args[0]]),
    ).toEqual([
      [0, STAFF],
      [1, GROUPS],
    ]);
    expect(
      fake.calls.filter(c => c.method === 'unbind').map(c => c.client),
    ).toEqual(expect.arrayContaining([0, 1]));
    // ldaps: TLS options go to the client; no StartTLS
    expect(fake.options[0].tlsOptions).toMatchObject({
      rejectUnauthorized: true,
    });
    expect(fake.calls.some(c => c.method === 'startTLS')).toBe(false);
  });

  it('reads memberships from memberOf alone, or from both sides', async () => {
    const server = { 'ldaps://dc1.corp.example.com': adServer() };
    const memberOf = await read(
      source({ ...adConfig, memberships: 'memberOf' }, server).ldap,
    );
    const [web, eng, big] = memberOf.groups;
    expect(memberOf.users[0].memberOf).toEqual([guid(10)]);
    expect(web).toMatchObject({ members: [guid(1)], parents: [guid(11)] });
    expect(eng).toMatchObject({ members: [], children: [guid(10)] });
    expect(big.members).toEqual([guid(2)]);

    const both = await read(
      source({ ...adConfig, memberships: 'both' }, server).ldap,
    );
    expect(both.users[0].memberOf).toEqual([guid(10), guid(12)]);
    expect(both.groups[0]).toMatchObject({
      members: [guid(1)],
      parents: [guid(11)],
    });
    expect(both.groups[1].children).toEqual([guid(10)]);
    expect(both.groups[2].members).toEqual([
      guid(1),
      guid(2),
      guid(3),
      guid(4),
      guid(5),
    ]);
  });

  it('adds nested members with LDAP_MATCHING_RULE_IN_CHAIN when asked', async () => {
    const { ldap, fake } = source(
      { ...adConfig, groups: { baseDn: GROUPS, transitiveMembers: true } },
      { 'ldaps://dc1.corp.example.com': adServer() },
    );
    const result = await read(ldap);
    expect(result.groups[1].members).toEqual([guid(1)]);
    expect(result.groups[0].members).toEqual([guid(1)]);
    const chainFilters = fake.calls
      .filter(c => c.method === 'searchPaginated')
      .map(c => String((c.args[1] as SearchOptions).filter))
      .filter(f => f.includes(IN_CHAIN));
    expect(chainFilters).toHaveLength(3);
    expect(chainFilters).toContain(
      `(&(&(&(objectCategory=person)(objectClass=user))(!(userAccountControl:1.2.840.113556.1.4.803:=2)))(memberOf:${IN_CHAIN}:=${engDn}))`,
    );
  });

  it('reports a group whose ranged members cannot be completed', async () => {
    const { ldap } = source(adConfig, {
      'ldaps://dc1.corp.example.com': adServer({
        search: baseDn =>
          baseDn === '' ? [{ dn: '', forestFunctionality: '7' }] : [],
      }),
    });
    const result = await read(ldap);
    expect(result.complete).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'range-retrieval-failed',
        entry: bigDn,
      }),
    ]);
    expect(result.groups[2].members).toEqual([guid(1), guid(2)]);
  });

  it('skips entries without a name or key and reports them, staying complete', async () => {
    const server = adServer({
      pages: (baseDn: string) =>
        baseDn === STAFF
          ? [
              [
                users[0],
                { ...users[1], sAMAccountName: [] },
                { ...users[2], objectGUID: [] },
                { ...users[3], objectGUID: guidBytes(1) },
              ],
            ]
          : [[]],
    });
    const { ldap } = source(adConfig, {
      'ldaps://dc1.corp.example.com': server,
    });
    const result = await read(ldap);
    expect(result.complete).toBe(true);
    expect(result.users.map(u => u.name)).toEqual(['jsmith']);
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        code: 'missing-name-attribute',
        message: `Skipped user ${bobDn}: it has no sAMAccountName (the name attribute)`,
        entry: bobDn,
        key: '05040302-0706-0908-0a0b-0c0d0e0f1011',
      },
      expect.objectContaining({
        code: 'missing-key-attribute',
        entry: userDn(3),
      }),
      expect.objectContaining({ code: 'duplicate-key', entry: userDn(4) }),
    ]);
  });

  it('fails over to the next URL and reports the one that failed', async () => {
    const { ldap, fake } = source(
      {
        ...adConfig,
        urls: ['ldaps://down.example.com', 'ldaps://dc1.corp.example.com'],
      },
      { 'ldaps://dc1.corp.example.com': adServer() },
    );
    const result = await read(ldap);
    expect(result.users).toHaveLength(5);
    expect(result.complete).toBe(true);
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        code: 'url-unavailable',
        message:
          'ldaps://down.example.com failed: Error: connect ECONNREFUSED ldaps://down.example.com; used ldaps://dc1.corp.example.com instead',
      },
    ]);
    // the failed URL, the working one, and a second connection to it for groups
    expect(fake.calls.filter(c => c.method === 'bind').map(c => c.url)).toEqual(
      [
        'ldaps://down.example.com',
        'ldaps://dc1.corp.example.com',
        'ldaps://dc1.corp.example.com',
      ],
    );
  });

  it('reads on one connection, one search after the other, when a second connection is refused', async () => {
    let binds = 0;
    const { ldap, fake } = source(adConfig, {
      'ldaps://dc1.corp.example.com': adServer({
        bind() {
          binds++;
          if (binds > 1) {
            throw new Error('too many connections');
          }
        },
      }),
    });
    const result = await read(ldap);
    expect(result.complete).toBe(true);
    expect(result.users).toHaveLength(5);
    expect(result.groups).toHaveLength(3);
    expect(fake.options).toHaveLength(2);
    const paged = fake.calls.filter(c => c.method === 'searchPaginated');
    expect(paged.map(c => [c.client, c.args[0]])).toEqual([
      [0, STAFF],
      [0, GROUPS],
    ]);
  });

  it('throws naming every URL when none works', async () => {
    const { ldap } = source(
      { ...adConfig, urls: ['ldap://a.example.com', 'ldap://b.example.com'] },
      {},
    );
    await expect(read(ldap)).rejects.toThrow(
      'Could not connect and bind to any LDAP server: ldap://a.example.com failed: Error: connect ECONNREFUSED ldap://a.example.com; ldap://b.example.com failed: Error: connect ECONNREFUSED ldap://b.example.com',
    );
  });

  it('stops at rejected credentials without trying the other URLs', async () => {
    const refusing: FakeServer = {
      bind() {
        throw new InvalidCredentialsError(
          '80090308: LdapErr: DSID-0C09044E, data 52e',
        );
      },
    };
    const { ldap, fake } = source(
      {
        ...adConfig,
        urls: ['ldap://dc1.example.com', 'ldap://dc2.example.com'],
      },
      {
        'ldap://dc1.example.com': refusing,
        'ldap://dc2.example.com': refusing,
      },
    );
    const error = await read(ldap).catch(e => e);
    expect(error.message).toContain(
      'LDAP bind as "svc@corp.example.com" was rejected by ldap://dc1.example.com with invalid credentials (LDAP result 49) (not trying ldap://dc2.example.com, so that the account is not locked out)',
    );
    expect(error.message).toContain('data 52e');
    expect(error.message).not.toContain('the-password');
    expect(fake.calls.filter(c => c.method === 'bind')).toHaveLength(1);
  });

  it('returns what was read with complete: false when a later page fails', async () => {
    const server = adServer({
      pages: (baseDn: string) =>
        baseDn === STAFF
          ? [
              users.slice(0, 2),
              new Error(
                'Connection closed before message response was received',
              ),
            ]
          : [groups],
    });
    const { ldap } = source(adConfig, {
      'ldaps://dc1.corp.example.com': server,
    });
    const result = await read(ldap);
    expect(result.complete).toBe(false);
    expect(result.users.map(u => u.name)).toEqual(['jsmith', 'bbaker']);
    expect(result.groups).toHaveLength(3);
    expect(result.problems).toEqual([
      {
        severity: 'error',
        code: 'search-failed',
        message: `The user search under ${STAFF} at ldaps://dc1.corp.example.com failed after 2 entries: Error: Connection closed before message response was received`,
      },
    ]);
  });

  it('throws when a search fails before anything was read', async () => {
    const server = adServer({
      pages: () => [new Error('NoSuchObjectError: 0x20')],
    });
    const { ldap, fake } = source(adConfig, {
      'ldaps://dc1.corp.example.com': server,
    });
    await expect(read(ldap)).rejects.toThrow(
      'Reading the LDAP directory at ldaps://dc1.corp.example.com failed before anything was read; caused by Error: NoSuchObjectError: 0x20',
    );
    expect(fake.calls.at(-1)?.method).toBe('unbind');
  });

  it('returns an empty result for an empty directory', async () => {
    const server = adServer({ pages: () => [[]] });
    const { ldap } = source(adConfig, {
      'ldaps://dc1.corp.example.com': server,
    });
    expect(await read(ldap)).toEqual({
      users: [],
      groups: [],
      complete: true,
      problems: [],
    });
  });

  it('runs transformers with the raw entry and context, page by page', async () => {
    const contexts: unknown[] = [];
    const userTransformer: LdapUserTransformer = async (
      entry,
      draft,
      context,
    ) => {
      contexts.push(context);
      if (draft.name === 'u4') {
        return undefined;
      }
      if (draft.name === 'u5') {
        throw new Error('boom');
      }
      return {
        ...draft,
        annotations: {
          ...draft.annotations,
          'example.com/cn': String(entry.dn),
        },
      };
    };
    const groupTransformer: LdapGroupTransformer = (_entry, draft) =>
      draft.name === 'web'
        ? { ...draft, type: 'product-area', members: ['extra'] }
        : draft;
    const { ldap } = source(
      adConfig,
      { 'ldaps://dc1.corp.example.com': adServer() },
      { userTransformer, groupTransformer },
    );
    const result = await read(ldap);
    expect(contexts[0]).toEqual({
      providerId: 'corp',
      sourceId: 'ad',
      vendor: 'activedirectory',
    });
    expect(result.users.map(u => u.name)).toEqual(['jsmith', 'bbaker', 'u3']);
    expect(result.users[0].annotations['example.com/cn']).toBe(janeDn);
    expect(result.groups[0]).toMatchObject({
      type: 'product-area',
      members: ['extra', guid(1)],
    });
    expect(result.complete).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'transformer-failed',
        message: `The user transformer failed for ${userDn(5)}: Error: boom`,
      }),
    ]);
  });

  it('honours the abort signal and unbinds', async () => {
    const controller = new AbortController();
    const { ldap, fake } = source(
      adConfig,
      { 'ldaps://dc1.corp.example.com': adServer() },
      {
        userTransformer: (_entry, draft) => {
          controller.abort(new Error('sync cancelled'));
          return draft;
        },
      },
    );
    await expect(ldap.read({ signal: controller.signal })).rejects.toThrow(
      'sync cancelled',
    );
    expect(
      fake.calls.filter(c => c.method === 'unbind').length,
    ).toBeGreaterThan(0);
    const aborted = new AbortController();
    aborted.abort(new Error('already'));
    await expect(ldap.read({ signal: aborted.signal })).rejects.toThrow(
      'already',
    );
  });

  it('detects OpenLDAP and uses StartTLS on ldap:// URLs', async () => {
    const server: FakeServer = {
      search: () => [{ dn: '', forestFunctionality: [] }],
      pages: () => [
        [
          {
            dn: 'uid=ada,ou=people,dc=x',
            entryUUID: 'u-1',
            uid: 'ada',
            cn: 'Ada',
          },
        ],
      ],
    };
    const { ldap, fake } = source(
      {
        url: 'ldap://127.0.0.1:3890',
        tls: {
          startTls: true,
          ca: '-----BEGIN CERTIFICATE-----\nX\n-----END CERTIFICATE-----',
        },
        users: { baseDn: 'ou=people,dc=x' },
      },
      { 'ldap://127.0.0.1:3890': server },
    );
    const result = await read(ldap);
    expect(result.users).toEqual([
      expect.objectContaining({ key: 'u-1', name: 'ada', displayName: 'Ada' }),
    ]);
    expect(fake.options[0].tlsOptions).toBeUndefined();
    const startTls = fake.calls.find(c => c.method === 'startTLS')!;
    expect(startTls.args[0]).toMatchObject({
      host: '127.0.0.1',
      rejectUnauthorized: true,
      ca: expect.stringContaining('BEGIN CERTIFICATE'),
    });
    expect(startTls.args[0]).not.toHaveProperty('servername');
    // anonymous: an empty simple bind checks the connection
    expect(fake.calls.find(c => c.method === 'bind')!.args).toEqual(['']);
    const options = fake.calls.find(c => c.method === 'searchPaginated')!
      .args[1] as SearchOptions;
    expect(options.attributes).toEqual([
      'entryUUID',
      'uid',
      'cn',
      'mail',
      'description',
    ]);
  });
});
