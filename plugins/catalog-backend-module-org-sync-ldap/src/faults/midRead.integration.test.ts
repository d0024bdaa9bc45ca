import { createBackendModule } from '@backstage/backend-plugin-api';
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
  demoSourceConfig,
  PEOPLE_DN,
  SLAPD_TIMEOUT_MS,
  startDemoSlapd,
} from '../__testUtils__/demoDirectory';
import { orgSyncLdapTransformsExtensionPoint } from '../extensionPoint';
import {
  commitDemoOrg,
  DEMO,
  startFaultBackend,
} from './__testUtils__/faultHarness';

describe('org sync with a real slapd that stops in the middle of a read', () => {
  let instance: SlapdInstance;
  let knex: Knex;
  let recorder: OrgSyncRecorder;
  let backend: SingleSourceTestBackend | undefined;
  /** Called for every user entry, while its page is processed. */
  let onUser: (() => Promise<void>) | undefined;

  // Transformers run while their page is processed: stopping slapd on a user
  // of the first page lets that page finish and makes the next one fail.
  const faultInjection = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'org-sync-ldap-fault-injection',
    register(env) {
      env.registerInit({
        deps: { ldap: orgSyncLdapTransformsExtensionPoint },
        async init({ ldap }) {
          ldap.setUserTransformer(async (_entry, draft) => {
            await onUser?.();
            return draft;
          });
        },
      });
    },
  });

  beforeAll(async () => {
    instance = await startDemoSlapd();
    knex = createTestKnex();
    recorder = createRecorder();
    backend = await startFaultBackend({
      knex,
      recorder,
      source: { ...demoSourceConfig(instance.url), pageSize: 5 },
      features: [faultInjection],
    });
  }, SLAPD_TIMEOUT_MS);

  afterAll(async () => {
    await backend?.stop();
    await knex?.destroy();
    await instance?.stop();
  });

  it('commits what was read without removals and keeps every entity', async () => {
    const first = await commitDemoOrg(backend!, recorder);

    let stopped: Promise<void> | undefined;
    onUser = () => (stopped ??= instance.stop());
    const report = await backend!.refresh();
    onUser = undefined;
    expect(stopped).toBeDefined();

    expect(report.outcome).toBe('committed-without-removals');
    expect(report.reason).toMatch(
      /^a source read failed or was incomplete, so none of the \d+ removals were made$/,
    );
    expect(report.sources).toEqual([
      expect.objectContaining({
        source: 'ldap.main',
        ok: true,
        complete: false,
      }),
    ]);
    expect(report.sources[0].users).toBeGreaterThanOrEqual(5);
    expect(report.sources[0].users).toBeLessThan(DEMO.users);

    // Nothing lost: the users not read are committed again as they were.
    expect(recorder.mutations).toHaveLength(2);
    expectNothingLost(recorder, first.refs);
    expect(refsOf(recorder.mutations[1])).toEqual(first.refs);
    expect(report.counts.removed).toBe(0);
    expect(report.counts.refused).toBeGreaterThanOrEqual(1);
    expect(report.diff.removed).toEqual([]);
    expect(report.diff.refused).toHaveLength(report.counts.refused);
    for (const ref of report.diff.refused) {
      expect(entityOf(recorder.mutations[1], ref)).toEqual(
        entityOf(recorder.mutations[0], ref),
      );
    }

    const searchFailed = {
      source: 'ldap.main',
      severity: 'error',
      code: 'search-failed',
      message: expect.stringMatching(
        new RegExp(
          `^The user search under ${PEOPLE_DN} at ${instance.url} failed after \\d+ entries: `,
        ),
      ),
    };
    const status = await backend!.status();
    expect(status).toMatchObject({
      committed: { users: DEMO.users, groups: DEMO.groups },
      lastSuccessAt: report.finishedAt,
      lastRun: {
        outcome: 'committed-without-removals',
        reason: report.reason,
        counts: { removed: 0, refused: report.counts.refused },
        sources: [{ source: 'ldap.main', ok: true, complete: false }],
        diff: { removed: [], refused: report.diff.refused },
      },
    });
    expect(status.lastRun!.problems).toContainEqual(searchFailed);
    expect(status.lastRun!.problems).toContainEqual(
      expect.objectContaining({
        source: 'engine',
        severity: 'error',
        code: 'removals-withheld-incomplete',
      }),
    );

    expect(
      linesWith(
        recorder.logs,
        'warn',
        'Org sync committed-without-removals',
        'Reason: a source read failed or was incomplete',
      ),
    ).toHaveLength(1);
    expect(
      linesWith(
        recorder.logs,
        'warn',
        `[ldap.main] search-failed: The user search under ${PEOPLE_DN} at ${instance.url} failed after`,
      ),
    ).toHaveLength(1);
    expect(linesWith(recorder.logs, 'info', '(incomplete)')).toHaveLength(1);
  });

  it('fails without a mutation once slapd is gone, and keeps every entity', async () => {
    const mutationsBefore = recorder.mutations.length;
    expect(mutationsBefore).toBe(2);
    const report = await backend!.refresh();

    expect(report.outcome).toBe('failed');
    expect(recorder.mutations).toHaveLength(mutationsBefore);
    expect(refsOf(recorder.mutations.at(-1))).toEqual(
      refsOf(recorder.mutations[0]),
    );
    const status = await backend!.status();
    expect(status).toMatchObject({
      committed: { users: DEMO.users, groups: DEMO.groups },
      lastRun: {
        outcome: 'failed',
        reason: 'no source could be read; nothing was changed',
        sources: [{ source: 'ldap.main', ok: false }],
      },
      lastFailure: { outcome: 'failed' },
    });
    const cause = `Could not connect and bind to any LDAP server: ${instance.url} failed:`;
    expect(status.lastRun!.sources[0].error).toContain(cause);
    expect(
      linesWith(recorder.logs, 'warn', '[ldap.main] source-failed', cause),
    ).toHaveLength(1);
  });
});
