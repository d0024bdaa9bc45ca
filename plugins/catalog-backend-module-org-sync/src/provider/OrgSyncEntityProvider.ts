import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import type { OrgSource } from '@identity-portal/plugin-catalog-org-sync-node';
import type { OrgSyncProviderConfig } from '../config/readOrgSyncConfig';
import type { OrgSyncMetrics } from '../metrics/OrgSyncMetrics';
import { planSync, type SyncPlan } from '../pipeline/planSync';
import type { SnapshotStore } from '../store/SnapshotStore';
import type { StatusStore } from '../store/StatusStore';
import { readSources } from './readSources';
import { createRunReport, type RunReport } from './runReport';

/** The location key of every entity the engine writes (see the README). */
export const ORG_SYNC_LOCATION_KEY = 'org-sync';

/** Which other providers exist, for naming across providers. */
export type ProviderDirectory = {
  /** Ids of the other configured providers. */
  activeIds(except: string): string[];
  /** Ids of providers with a committed set but no config any more. */
  orphanIds(): string[];
};

/** Everything one org sync provider needs. */
export type OrgSyncEntityProviderOptions = {
  config: OrgSyncProviderConfig;
  sources: OrgSource[];
  snapshots: SnapshotStore;
  statuses: StatusStore;
  directory: ProviderDirectory;
  scheduler: SchedulerService;
  metrics: OrgSyncMetrics;
  logger: LoggerService;
};

/**
 * One configured organisation: reads its sources on a schedule, plans the
 * commit with the safety rules, and commits it as one full mutation.
 */
export class OrgSyncEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private readonly logger: LoggerService;

  constructor(private readonly options: OrgSyncEntityProviderOptions) {
    this.logger = options.logger.child({ orgSyncProvider: options.config.id });
  }

  get id(): string {
    return this.options.config.id;
  }

  /** The scheduler task id; one replica at a time runs it. */
  get taskId(): string {
    return `org-sync:${this.id}:refresh`;
  }

  getProviderName(): string {
    return `org-sync:${this.id}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.options.scheduler.scheduleTask({
      id: this.taskId,
      ...this.options.config.schedule,
      fn: async (signal?: AbortSignal) => {
        await this.refresh({ signal });
      },
    });
  }

  /** Asks the scheduler to run the sync now, on whichever replica gets the lock. */
  async trigger(): Promise<void> {
    await this.options.scheduler.triggerTask(this.taskId);
  }

  /**
   * Runs one sync. With `dryRun`, reads and plans but commits nothing and
   * records no status: the report shows what a run would do.
   */
  async refresh(
    options: { dryRun?: boolean; signal?: AbortSignal } = {},
  ): Promise<RunReport> {
    const dryRun = options.dryRun ?? false;
    const signal = options.signal ?? new AbortController().signal;
    const startedAt = new Date();
    const { snapshots, directory, config } = this.options;

    const [{ reads, reports }, previous, inheritedNames, reservedRefs] =
      await Promise.all([
        readSources(this.options.sources, signal),
        snapshots.loadIndex(config.id),
        snapshots.namesByKey(directory.orphanIds()),
        snapshots.refsOf(directory.activeIds(config.id)),
      ]);
    let plan = await planSync({
      providerId: config.id,
      namespace: config.namespace,
      merge: config.merge,
      safety: config.safety,
      reads,
      previous,
      inheritedNames,
      reservedRefs,
    });

    let committed = countCommitted(plan, previous);
    if (
      !dryRun &&
      (plan.outcome === 'committed' ||
        plan.outcome === 'committed-without-removals')
    ) {
      try {
        committed = await this.commit(plan);
      } catch (error) {
        plan = failedCommit(plan, error);
      }
    }
    const report = createRunReport({
      providerId: config.id,
      dryRun,
      startedAt,
      finishedAt: new Date(),
      plan,
      sources: reports,
      committed,
    });
    if (!dryRun) {
      await this.options.statuses.recordRun(config.id, report);
      this.options.metrics.recordRun(report);
      this.log(report);
    }
    return report;
  }

  private async commit(plan: SyncPlan) {
    if (!this.connection) {
      throw new Error(
        `Org sync provider ${this.id} is not connected to the catalog yet`,
      );
    }
    const retained = await this.options.snapshots.loadEntities(
      this.id,
      plan.retainedRefs,
    );
    await this.connection.applyMutation({
      type: 'full',
      entities: [...plan.entities.map(e => e.entity), ...retained].map(
        entity => ({
          entity,
          locationKey: ORG_SYNC_LOCATION_KEY,
        }),
      ),
    });
    const changed = new Set([...plan.diff.added, ...plan.diff.updated]);
    await this.options.snapshots.recordCommit(this.id, {
      written: plan.entities.filter(e => changed.has(e.ref)),
      removed: plan.diff.removed,
    });
    const all = [...plan.entities.map(e => e.entity), ...retained];
    return {
      users: all.filter(e => e.kind === 'User').length,
      groups: all.filter(e => e.kind === 'Group').length,
    };
  }

  private log(report: RunReport) {
    const { counts } = report;
    const summary = `Org sync ${report.outcome} in ${(
      report.durationMs / 1000
    ).toFixed(1)}s: read ${counts.read.users} users and ${
      counts.read.groups
    } groups; added ${counts.added}, updated ${counts.updated}, removed ${
      counts.removed
    }, refused ${counts.refused} removals, kept ${counts.retained}; ${
      counts.problems.errors
    } errors, ${counts.problems.warnings} warnings`;
    const fields = { outcome: report.outcome, ...flatCounts(report) };
    const clean =
      report.outcome === 'committed' &&
      counts.problems.errors === 0 &&
      counts.problems.warnings === 0;
    if (clean) {
      this.logger.info(summary, fields);
      return;
    }
    this.logger.warn(
      `${summary}${report.reason ? `. Reason: ${report.reason}` : ''}`,
      fields,
    );
    for (const problem of report.problems.slice(0, 20)) {
      this.logger.warn(
        `[${problem.source}] ${problem.code}: ${problem.message}`,
      );
    }
  }
}

function failedCommit(plan: SyncPlan, error: unknown): SyncPlan {
  const reason = `the catalog did not accept the commit: ${
    (error as Error)?.message ?? error
  }`;
  return {
    ...plan,
    outcome: 'failed',
    reason,
    problems: [
      ...plan.problems,
      {
        source: 'engine',
        severity: 'error',
        code: 'commit-failed',
        message: reason,
      },
    ],
  };
}

function countCommitted(
  plan: SyncPlan,
  previous: Map<string, { kind: string }>,
) {
  const kinds = [
    ...plan.entities.map(e => e.entity.kind),
    ...plan.retainedRefs.map(ref => previous.get(ref)?.kind),
  ];
  return {
    users: kinds.filter(k => k === 'User').length,
    groups: kinds.filter(k => k === 'Group').length,
  };
}

function flatCounts(report: RunReport): Record<string, number> {
  const { counts } = report;
  return {
    usersRead: counts.read.users,
    groupsRead: counts.read.groups,
    added: counts.added,
    updated: counts.updated,
    removed: counts.removed,
    refused: counts.refused,
    retained: counts.retained,
    durationMs: report.durationMs,
  };
}
