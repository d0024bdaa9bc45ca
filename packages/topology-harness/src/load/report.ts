import { STEPS, type LoadResult } from './runLoad';

/** The JSON written to test-results/bench/topology.json. */
export function loadReport(result: LoadResult, extra: Record<string, unknown>) {
  const { durationS } = result;
  return {
    ...extra,
    users: result.users,
    durationS: Math.round(durationS * 10) / 10,
    iterations: result.iterations,
    iterationsPerSecond: Math.round((result.iterations / durationS) * 10) / 10,
    steps: Object.fromEntries(
      STEPS.map(step => [step, result.steps[step].summary(durationS)]),
    ),
    overall: result.overall.summary(durationS),
    errors: result.errors,
    requestsPerReplica: result.perReplica,
  };
}

/** The table printed at the end of a run. */
export function formatTable(report: ReturnType<typeof loadReport>): string {
  const rows = [
    ['step', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'errors'],
    ...[...STEPS, 'overall' as const].map(step => {
      const s = step === 'overall' ? report.overall : report.steps[step];
      return [
        step,
        String(s.requests),
        String(s.perSecond),
        String(s.p50Ms),
        String(s.p99Ms),
        String(s.errors),
      ];
    }),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map(r => r[i].length)));
  const line = (r: string[]) =>
    r
      .map((cell, i) =>
        i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]),
      )
      .join('  ');
  const errors = Object.entries(report.errors);
  return [
    `${report.users} virtual users for ${report.durationS} s against 2 replicas: ${report.iterations} sign-in → catalog read → authorize loops (${report.iterationsPerSecond}/s)`,
    '',
    ...rows.map(line),
    '',
    errors.length === 0
      ? 'errors: none'
      : `errors: ${errors.map(([kind, n]) => `${kind} × ${n}`).join(', ')}`,
  ].join('\n');
}
