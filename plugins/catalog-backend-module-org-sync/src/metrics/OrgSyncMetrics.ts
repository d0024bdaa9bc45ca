import type { MetricsService } from '@backstage/backend-plugin-api/alpha';
import type { RunReport } from '../provider/runReport';

/**
 * OpenTelemetry metrics of the org sync engine, through Backstage's metrics
 * service:
 *
 * - `catalog.org_sync.runs` (counter; provider, outcome)
 * - `catalog.org_sync.run.duration` (histogram, seconds; provider, outcome)
 * - `catalog.org_sync.entities.changed` (counter; provider, change =
 *   added | updated | removed | refused)
 * - `catalog.org_sync.entities.read` (counter; provider, kind)
 * - `catalog.org_sync.problems` (counter; provider, severity)
 * - `catalog.org_sync.last_success` (gauge, Unix seconds; provider)
 */
export class OrgSyncMetrics {
  private readonly runs;
  private readonly duration;
  private readonly changed;
  private readonly read;
  private readonly problems;
  private readonly lastSuccess = new Map<string, number>();

  constructor(metrics: MetricsService) {
    this.runs = metrics.createCounter('catalog.org_sync.runs', {
      description: 'Org sync runs, by outcome',
    });
    this.duration = metrics.createHistogram('catalog.org_sync.run.duration', {
      description: 'Duration of org sync runs',
      unit: 's',
    });
    this.changed = metrics.createCounter('catalog.org_sync.entities.changed', {
      description:
        'Entities added, updated, removed, or whose removal was refused',
    });
    this.read = metrics.createCounter('catalog.org_sync.entities.read', {
      description: 'Users and groups read from sources',
    });
    this.problems = metrics.createCounter('catalog.org_sync.problems', {
      description: 'Problems found by org sync runs',
    });
    metrics
      .createObservableGauge('catalog.org_sync.last_success', {
        description: 'When each provider last committed, in Unix seconds',
        unit: 's',
      })
      .addCallback(result => {
        for (const [provider, seconds] of this.lastSuccess) {
          result.observe(seconds, { provider });
        }
      });
  }

  /** Records a finished run (not dry runs). */
  recordRun(report: RunReport) {
    const provider = report.providerId;
    this.runs.add(1, { provider, outcome: report.outcome });
    this.duration.record(report.durationMs / 1000, {
      provider,
      outcome: report.outcome,
    });
    const { counts } = report;
    for (const change of ['added', 'updated', 'removed', 'refused'] as const) {
      this.changed.add(counts[change], { provider, change });
    }
    this.read.add(counts.read.users, { provider, kind: 'user' });
    this.read.add(counts.read.groups, { provider, kind: 'group' });
    this.problems.add(counts.problems.errors, { provider, severity: 'error' });
    this.problems.add(counts.problems.warnings, {
      provider,
      severity: 'warning',
    });
    if (report.outcome.startsWith('committed')) {
      this.lastSuccess.set(provider, Date.parse(report.finishedAt) / 1000);
    }
  }
}
