import { ldapLayout, loadDemoOrg } from '@internal/demo-org';
import type { SlapdInstance } from '@internal/slapd-harness';
import type { Knex } from 'knex';
import {
  createRecorder,
  createTestKnex,
  entityOf,
  expectNothingLost,
  linesWith,
  refsOf,
  type OrgSyncRecorder,
  type SingleSourceTestBackend,
} from '@identity-portal/plugin-catalog-backend-module-org-sync/testUtils';
import {
  BASE_DN,
  demoSourceConfig,
  SLAPD_TIMEOUT_MS,
  startDemoSlapd,
} from '../__testUtils__/demoDirectory';
import {
  commitDemoOrg,
  deleteAsRoot,
  DEMO,
  startFaultBackend,
} from './__testUtils__/faultHarness';

describe('org sync with a real slapd: removals above the threshold', () => {
  const org = loadDemoOrg();
  const layout = ldapLayout({ baseDn: BASE_DN });
  const gone = ['zhoffmann', 'jgarcia', 'olie'];
  const goneRefs = gone.map(uid => `user:default/${uid}`).sort();
  let instance: SlapdInstance;
  let knex: Knex;
  let recorder: OrgSyncRecorder;
  let backend: SingleSourceTestBackend | undefined;

  beforeAll(async () => {
    instance = await startDemoSlapd();
    knex = createTestKnex();
    recorder = createRecorder();
  }, SLAPD_TIMEOUT_MS);

  afterAll(async () => {
    await backend?.stop();
    await knex?.destroy();
    await instance?.stop();
  });

  async function start(engine?: object) {
    await backend?.stop();
    backend = await startFaultBackend({
      knex,
      recorder,
      source: demoSourceConfig(instance.url),
      engine: engine as any,
    });
    return backend;
  }

  it('refuses removing 3 of every committed entity (above 10%), commits the rest and keeps the three', async () => {
    const first = await commitDemoOrg(await start(), recorder);
    await deleteAsRoot(
      instance,
      gone.map(uid =>
        layout.personDn(org.people.find(p => p.ldap.uid === uid)!),
      ),
    );

    const report = await backend!.refresh();

    expect(report.outcome).toBe('committed-without-removals');
    // The share is of every committed entity (users + groups).
    const reason = `the run would remove 3 of ${DEMO.entities} entities (${(
      300 / DEMO.entities
    ).toFixed(
      1,
    )}%), above the limit (safety.maxRemovalShare 0.1); none were removed`;
    expect(report.reason).toBe(reason);
    expect(report.counts).toMatchObject({
      read: { users: DEMO.users - 3, groups: DEMO.groups },
      removed: 0,
      refused: 3,
      retained: 3,
      committed: { users: DEMO.users, groups: DEMO.groups },
    });
    expect([...report.diff.refused].sort()).toEqual(goneRefs);
    expect(report.diff.removed).toEqual([]);

    expect(recorder.mutations).toHaveLength(2);
    expectNothingLost(recorder, first.refs);
    expect(refsOf(recorder.mutations[1])).toEqual(first.refs);
    for (const ref of goneRefs) {
      expect(entityOf(recorder.mutations[1], ref)).toEqual(
        entityOf(recorder.mutations[0], ref),
      );
    }

    const problem = {
      source: 'engine',
      severity: 'error',
      code: 'removals-above-threshold',
      message: expect.stringContaining(`Removals refused: ${reason}: `),
    };
    const status = await backend!.status();
    expect(status).toMatchObject({
      committed: { users: DEMO.users, groups: DEMO.groups },
      lastSuccessAt: report.finishedAt,
      lastRun: {
        outcome: 'committed-without-removals',
        reason,
        counts: { refused: 3, removed: 0 },
      },
    });
    expect([...status.lastRun!.diff.refused].sort()).toEqual(goneRefs);
    expect(status.lastRun!.problems).toContainEqual(problem);
    for (const ref of goneRefs) {
      expect(
        status.lastRun!.problems.find(
          p => p.code === 'removals-above-threshold',
        )!.message,
      ).toContain(ref);
    }

    expect(
      linesWith(
        recorder.logs,
        'warn',
        'Org sync committed-without-removals',
        `Reason: ${reason}`,
      ),
    ).toHaveLength(1);
    expect(
      linesWith(
        recorder.logs,
        'warn',
        '[engine] removals-above-threshold: Removals refused',
        ...goneRefs,
      ),
    ).toHaveLength(1);
  });

  it('makes the removals once safety.maxRemovalShare allows them', async () => {
    const current = await start({ safety: { maxRemovalShare: 0.5 } });

    const report = await current.refresh();

    expect(report.outcome).toBe('committed');
    expect(report.counts).toMatchObject({
      removed: 3,
      refused: 0,
      committed: { users: DEMO.users - 3, groups: DEMO.groups },
    });
    expect([...report.diff.removed].sort()).toEqual(goneRefs);
    expect(recorder.mutations).toHaveLength(3);
    const before = refsOf(recorder.mutations[1]);
    expect(refsOf(recorder.mutations[2])).toEqual(
      before.filter(ref => !goneRefs.includes(ref)),
    );
    const status = await current.status();
    expect(status).toMatchObject({
      committed: { users: DEMO.users - 3, groups: DEMO.groups },
      lastRun: { outcome: 'committed', counts: { removed: 3 } },
    });
  });
});
