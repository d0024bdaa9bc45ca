import type { SlapdInstance } from '@internal/slapd-harness';
import type { Knex } from 'knex';
import {
  allLogText,
  createRecorder,
  createTestKnex,
  expectNothingLost,
  linesWith,
  refsOf,
  type OrgSyncRecorder,
  type SingleSourceTestBackend,
} from '@identity-portal/plugin-catalog-backend-module-org-sync/testUtils';
import {
  BASE_DN,
  deadUrl,
  demoSourceConfig,
  READER_DN,
  READER_PASSWORD,
  SLAPD_TIMEOUT_MS,
  startDemoSlapd,
} from '../__testUtils__/demoDirectory';
import {
  commitDemoOrg,
  DEMO,
  SOURCE_CONFIG_PATH,
  startFaultBackend,
} from './__testUtils__/faultHarness';

const EMPTY_OU = `ou=empty,${BASE_DN}`;

/**
 * Faults of the connection and the configuration, against one slapd with
 * the demo organisation: every test commits the organisation first, then
 * restarts the backend on the same database with a changed source block.
 */
describe('org sync with a real slapd: connection and config faults', () => {
  let instance: SlapdInstance;
  let knex: Knex;
  let recorder: OrgSyncRecorder;
  let backend: SingleSourceTestBackend | undefined;

  beforeAll(async () => {
    instance = await startDemoSlapd();
    await instance.add(
      `dn: ${EMPTY_OU}\nobjectClass: organizationalUnit\nou: empty\n`,
    );
  }, SLAPD_TIMEOUT_MS);

  afterAll(() => instance?.stop());

  beforeEach(() => {
    knex = createTestKnex();
    recorder = createRecorder();
  });

  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
    await knex.destroy();
  });

  /** (Re)starts the backend on the same database with `source`. */
  async function start(source: object): Promise<SingleSourceTestBackend> {
    await backend?.stop();
    backend = await startFaultBackend({ knex, recorder, source });
    return backend;
  }

  async function commitFirst() {
    return commitDemoOrg(await start(demoSourceConfig(instance.url)), recorder);
  }

  it('fails without touching the catalog when the bind password is wrong, and never shows the password', async () => {
    const first = await commitFirst();
    const password = 'Wr0ng-f4ult-Pa55word';
    const current = await start({
      ...demoSourceConfig(instance.url),
      bind: { dn: READER_DN, password },
    });

    const report = await current.refresh();

    expect(report.outcome).toBe('failed');
    expect(recorder.mutations).toHaveLength(1);
    expectNothingLost(recorder, first.refs);

    const status = await current.status();
    // slapd answers resultCode 49 (invalidCredentials) with an empty
    // diagnostic message: the cause is named by the error class only.
    const bindError = `LDAP bind as "${READER_DN}" was rejected by ${instance.url} with invalid credentials (LDAP result 49); caused by InvalidCredentialsError`;
    expect(status).toMatchObject({
      providerId: 'corp',
      committed: { users: DEMO.users, groups: DEMO.groups },
      lastSuccessAt: first.report.finishedAt,
      lastRun: {
        outcome: 'failed',
        reason: 'no source could be read; nothing was changed',
        counts: { read: { users: 0, groups: 0 }, removed: 0, added: 0 },
        sources: [
          {
            source: 'ldap.main',
            ok: false,
            complete: false,
            users: 0,
            groups: 0,
            error: expect.stringContaining(bindError),
          },
        ],
      },
      lastFailure: { outcome: 'failed' },
    });
    expect(status.lastRun!.problems).toContainEqual({
      source: 'ldap.main',
      severity: 'error',
      code: 'source-failed',
      message: expect.stringContaining(bindError),
    });

    expect(
      linesWith(
        recorder.logs,
        'warn',
        'Org sync failed',
        'Reason: no source could be read',
      ),
    ).toHaveLength(1);
    expect(
      linesWith(recorder.logs, 'warn', '[ldap.main] source-failed', bindError),
    ).toHaveLength(1);

    for (const secret of [password, READER_PASSWORD]) {
      expect(allLogText(recorder.logs)).not.toContain(secret);
      expect(JSON.stringify(status)).not.toContain(secret);
    }
  });

  it('commits everything from the second URL when the first cannot be reached, and reports the first', async () => {
    const first = await commitFirst();
    const dead = await deadUrl();
    const { url: _url, ...config } = demoSourceConfig(instance.url);
    const current = await start({
      ...config,
      urls: [dead, instance.url],
      timeouts: { connect: { seconds: 2 } },
    });

    const report = await current.refresh();

    expect(report.outcome).toBe('committed');
    expect(recorder.mutations).toHaveLength(2);
    expect(refsOf(recorder.mutations[1])).toEqual(first.refs);
    expect(report.counts).toMatchObject({
      read: { users: DEMO.users, groups: DEMO.groups },
      added: 0,
      updated: 0,
      removed: 0,
      refused: 0,
      unchanged: DEMO.entities,
      committed: { users: DEMO.users, groups: DEMO.groups },
    });

    const unavailable = {
      source: 'ldap.main',
      severity: 'warning',
      code: 'url-unavailable',
      message: expect.stringMatching(
        new RegExp(
          `^${dead} failed: .*ECONNREFUSED.*; used ${instance.url} instead$`,
        ),
      ),
    };
    const status = await current.status();
    expect(status).toMatchObject({
      committed: { users: DEMO.users, groups: DEMO.groups },
      lastSuccessAt: report.finishedAt,
      lastRun: {
        outcome: 'committed',
        sources: [
          {
            source: 'ldap.main',
            ok: true,
            complete: true,
            users: DEMO.users,
            groups: DEMO.groups,
          },
        ],
      },
    });
    expect(status.lastRun!.problems).toEqual([unavailable]);

    // A committed run with warnings only is a clean commit: its summary is
    // logged at info, and warnings follow at info (errors at warn), as the
    // engine README documents.
    expect(
      linesWith(recorder.logs, 'warn', '[ldap.main] url-unavailable', dead),
    ).toHaveLength(1);
    expect(
      linesWith(recorder.logs, 'warn', 'Org sync committed', '1 warnings'),
    ).toHaveLength(1);
  });

  it('refuses to commit an empty subtree and keeps every entity', async () => {
    const first = await commitFirst();
    const config = demoSourceConfig(instance.url);
    const current = await start({
      ...config,
      users: { ...config.users, baseDn: EMPTY_OU },
      groups: { baseDn: EMPTY_OU },
    });

    const report = await current.refresh();

    expect(report.outcome).toBe('refused');
    expect(recorder.mutations).toHaveLength(1);
    expectNothingLost(recorder, first.refs);

    const status = await current.status();
    expect(status).toMatchObject({
      committed: { users: DEMO.users, groups: DEMO.groups },
      lastSuccessAt: first.report.finishedAt,
      lastRun: {
        outcome: 'refused',
        reason: 'the sources returned no users and no groups',
        counts: { read: { users: 0, groups: 0 }, removed: 0, refused: 0 },
        sources: [
          {
            source: 'ldap.main',
            ok: true,
            complete: true,
            users: 0,
            groups: 0,
          },
        ],
      },
      lastFailure: { outcome: 'refused' },
    });
    expect(status.lastRun!.problems).toEqual([
      {
        source: 'engine',
        severity: 'error',
        code: 'empty-result',
        message: expect.stringContaining(
          `The sources returned no users and no groups; the commit is refused and the ${DEMO.entities} entities committed before stay`,
        ),
      },
    ]);

    expect(
      linesWith(
        recorder.logs,
        'warn',
        'Org sync refused',
        'Reason: the sources returned no users and no groups',
      ),
    ).toHaveLength(1);
    expect(
      linesWith(recorder.logs, 'warn', '[engine] empty-result'),
    ).toHaveLength(1);
  });

  it('fails start-up naming the full key of an empty bind password', async () => {
    await expect(
      start({
        ...demoSourceConfig(instance.url),
        bind: { dn: READER_DN, password: '' },
      }),
    ).rejects.toThrow(`${SOURCE_CONFIG_PATH}.bind.password must not be empty`);
    expect(recorder.mutations).toEqual([]);
  });
});
