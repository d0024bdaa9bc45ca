import type { BenchOptions } from './args';
import { LatencySummary, ratio } from './stats';
import type { PlannedRequest } from './workload';

/** (a) What the in-process child measured. */
export type HandleResult =
  | {
      ok: true;
      graphBuildMs: number;
      graph: { users: number; groups: number };
      cold?: LatencySummary;
      warm?: LatencySummary;
      warmDecisionsPerS: number;
      results: Record<string, number>;
      /** Our decisions for the comparison questions, in order. */
      verify: string[];
      heapUsedMB: number;
    }
  | { ok: false; error: string; verify?: undefined };

/** One batch size of one HTTP contender. */
export interface BatchResult {
  batchSize: number;
  requests: number;
  elapsedS: number;
  requestsPerS: number;
  decisionsPerS: number;
  latencyMs?: LatencySummary;
  errors: number;
  firstError?: string;
  results: Record<string, number>;
  /** handle() durations inside the backend during this batch size. */
  handleMs?: LatencySummary;
  /** CPU time of the backend process per measured request, in ms. */
  cpuMsPerRequest?: number;
}

export interface ContenderHttp {
  contender: 'allow-all' | 'ours' | 'allow-all-2' | 'rhdh';
  available: boolean;
  reason?: string;
  startS?: number;
  catalogReadyS?: number;
  graph?: { users: number; groups: number };
  batches: BatchResult[];
  /** Answers to the comparison questions, in order. */
  verify?: string[];
}

export interface Disagreement {
  user: string;
  permission: string;
  ours: string;
  other: string;
}

export interface DecisionComparison {
  questions: number;
  /** Ours over HTTP against ours in process: the HTTP path changes nothing. */
  oursHttpAgrees?: number;
  /** RHDH against ours in process. */
  rhdh?: {
    agree: number;
    disagree: number;
    oursAllowRhdhDeny: number;
    oursDenyRhdhAllow: number;
    allowExample?: { user: string; permission: string };
    denyExample?: { user: string; permission: string };
    disagreements: Disagreement[];
  };
}

export interface TargetResult {
  name: string;
  limit: string;
  actual?: number;
  verdict: 'pass' | 'FAIL' | 'n/a';
}

export interface BenchReport {
  generatedAt: string;
  machine: Record<string, unknown>;
  options: BenchOptions;
  org: {
    users: number;
    groups: number;
    depth: number;
    groupsPerDepth: number[];
    roles: number;
    bindings: number;
    rules: number;
    rhdhCsvLines: number;
    rhdhConditionalRulesLeftOut: number;
  };
  handle: HandleResult;
  http: ContenderHttp[];
  comparison: DecisionComparison;
  ratios: BatchRatios[];
  targets: TargetResult[];
}

/** The ratios per batch size (undefined where a contender is missing). */
export interface BatchRatios {
  batchSize: number;
  /** allow-all req/s ÷ ours req/s: the extra cost of a request with our policy. */
  oursCostVsAllowAll?: number;
  oursP50VsAllowAll?: number;
  oursP99VsAllowAll?: number;
  /** allow-all req/s ÷ allow-all-2 req/s: the same ratio between two identical backends (noise). */
  controlCostVsAllowAll?: number;
  /** Backend CPU per request, ours ÷ allow-all. */
  oursCpuVsAllowAll?: number;
  /** Backend CPU per request, allow-all-2 ÷ allow-all (noise). */
  controlCpuVsAllowAll?: number;
  /** ours decisions/s ÷ RHDH decisions/s. */
  oursDecisionsVsRhdh?: number;
  /** RHDH request p50 ÷ ours request p50. */
  rhdhP50VsOurs?: number;
  /** RHDH handle() p50 ÷ ours handle() p50, both inside their backends under the same load. */
  rhdhHandleP50VsOurs?: number;
}

export function computeRatios(
  report: Pick<BenchReport, 'http' | 'options'>,
): BatchRatios[] {
  return report.options.batchSizes.map(size => {
    const allowAll = batchOf(report, 'allow-all', size);
    const ours = batchOf(report, 'ours', size);
    const rhdh = batchOf(report, 'rhdh', size);
    return {
      batchSize: size,
      oursCostVsAllowAll: ratio(allowAll?.requestsPerS, ours?.requestsPerS),
      oursP50VsAllowAll: ratio(ours?.latencyMs?.p50, allowAll?.latencyMs?.p50),
      oursP99VsAllowAll: ratio(ours?.latencyMs?.p99, allowAll?.latencyMs?.p99),
      controlCostVsAllowAll: ratio(
        allowAll?.requestsPerS,
        batchOf(report, 'allow-all-2', size)?.requestsPerS,
      ),
      oursCpuVsAllowAll: ratio(
        ours?.cpuMsPerRequest,
        allowAll?.cpuMsPerRequest,
      ),
      controlCpuVsAllowAll: ratio(
        batchOf(report, 'allow-all-2', size)?.cpuMsPerRequest,
        allowAll?.cpuMsPerRequest,
      ),
      oursDecisionsVsRhdh: ratio(ours?.decisionsPerS, rhdh?.decisionsPerS),
      rhdhP50VsOurs: ratio(rhdh?.latencyMs?.p50, ours?.latencyMs?.p50),
      rhdhHandleP50VsOurs: ratio(rhdh?.handleMs?.p50, ours?.handleMs?.p50),
    };
  });
}

export function compareDecisions(
  questions: readonly PlannedRequest[],
  oursInProcess: readonly string[] | undefined,
  http: readonly ContenderHttp[],
): DecisionComparison {
  const comparison: DecisionComparison = { questions: questions.length };
  if (!oursInProcess) {
    return comparison;
  }
  const oursHttp = http.find(h => h.contender === 'ours')?.verify;
  if (oursHttp) {
    comparison.oursHttpAgrees = oursHttp.filter(
      (r, i) => r === oursInProcess[i],
    ).length;
  }
  const rhdh = http.find(h => h.contender === 'rhdh')?.verify;
  if (rhdh) {
    const result: NonNullable<DecisionComparison['rhdh']> = {
      agree: 0,
      disagree: 0,
      oursAllowRhdhDeny: 0,
      oursDenyRhdhAllow: 0,
      disagreements: [],
    };
    questions.forEach((q, i) => {
      const question = { user: q.user, permission: q.items[0].permission.name };
      const ours = oursInProcess[i];
      if (ours === rhdh[i]) {
        result.agree++;
        if (ours === 'ALLOW') result.allowExample ??= question;
        if (ours === 'DENY') result.denyExample ??= question;
        return;
      }
      result.disagree++;
      if (ours === 'ALLOW' && rhdh[i] === 'DENY') result.oursAllowRhdhDeny++;
      if (ours === 'DENY' && rhdh[i] === 'ALLOW') result.oursDenyRhdhAllow++;
      if (result.disagreements.length < 5) {
        result.disagreements.push({ ...question, ours, other: rhdh[i] });
      }
    });
    comparison.rhdh = result;
  }
  return comparison;
}

function batchOf(
  report: Pick<BenchReport, 'http'>,
  contender: string,
  size: number,
) {
  const http = report.http.find(h => h.contender === contender);
  return http?.available
    ? http.batches.find(b => b.batchSize === size && b.requests > 0)
    : undefined;
}

/** allow-all's throughput over ours: how much more each request costs with our policy. */
export function costVsAllowAll(report: BenchReport, size: number) {
  return ratio(
    batchOf(report, 'allow-all', size)?.requestsPerS,
    batchOf(report, 'ours', size)?.requestsPerS,
  );
}

/** Our decisions per second over RHDH's, at one batch size. */
export function speedupVsRhdh(report: BenchReport, size: number) {
  return ratio(
    batchOf(report, 'ours', size)?.decisionsPerS,
    batchOf(report, 'rhdh', size)?.decisionsPerS,
  );
}

export function evaluateTargets(report: BenchReport): TargetResult[] {
  const check = (
    name: string,
    limit: string,
    actual: number | undefined,
    passes: (actual: number) => boolean,
  ): TargetResult => {
    if (actual === undefined) {
      return { name, limit, actual, verdict: 'n/a' };
    }
    return { name, limit, actual, verdict: passes(actual) ? 'pass' : 'FAIL' };
  };
  const atMost = (name: string, limit: number, actual?: number) =>
    check(name, `≤ ${limit}`, actual, a => a <= limit);
  const atLeast = (name: string, limit: number, actual?: number) =>
    check(name, `≥ ${limit}`, actual, a => a >= limit);
  const targets: TargetResult[] = [
    atMost(
      'handle() p99 warm, in process (ms)',
      0.1,
      report.handle.ok ? report.handle.warm?.p99 : undefined,
    ),
  ];
  for (const size of report.options.batchSizes) {
    targets.push(
      atMost(
        `/authorize ×${size}: cost vs allow-all (allow-all req/s ÷ ours req/s)`,
        1.2,
        costVsAllowAll(report, size),
      ),
    );
  }
  for (const size of report.options.batchSizes) {
    targets.push(
      atLeast(
        `/authorize ×${size}: ours decisions/s ÷ rbac-backend decisions/s`,
        100,
        speedupVsRhdh(report, size),
      ),
    );
  }
  return targets;
}

/**
 * Renders rows as a plain-text table; numeric-looking cells align right. A
 * row shorter than the header lets its last cell run on.
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const full = rows.filter(r => r.length === header.length);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...full.map(r => r[i].length)),
  );
  const numericCell = /^[-+]?[\d.,]+( ?[×%a-z/]*)?$|^–$/;
  // A column of numbers aligns right, its header included.
  const numeric = header.map(
    (_, i) => full.length > 0 && full.every(r => numericCell.test(r[i])),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        if (cells.length < header.length && i === cells.length - 1) {
          return cell;
        }
        return numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]);
      })
      .join('  ')
      .trimEnd();
  return [
    line(header),
    line(widths.map(w => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}

const fixed = (value: number | undefined, digits: number) =>
  value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
/** Milliseconds with enough digits for microsecond figures. */
function ms(value: number | undefined): string {
  if (value === undefined) return '–';
  if (value < 0.1) return value.toFixed(4);
  if (value < 10) return value.toFixed(3);
  return value.toFixed(1);
}
/** A ratio: small ones with four digits, others with two. */
function ratioText(value: number | undefined): string {
  if (value === undefined) return '–';
  return value < 1 ? value.toFixed(4) : value.toFixed(2);
}
const whole = (value: number | undefined) =>
  value === undefined ? '–' : Math.round(value).toLocaleString('en-US');

export function formatReport(report: BenchReport): string {
  const out: string[] = [];
  const { org } = report;
  out.push(
    `Org: ${org.users} users, ${org.groups} groups (${
      org.depth
    } levels: ${org.groupsPerDepth.join('/')}), ${org.roles} roles with ${
      org.rules
    } rules, ${org.bindings} bindings; RHDH CSV ${org.rhdhCsvLines} lines (${
      org.rhdhConditionalRulesLeftOut
    } conditional rules not mapped)`,
  );
  out.push('');
  const h = report.handle;
  if (h.ok) {
    out.push(
      `(a) handle() in process — graph built in ${h.graphBuildMs.toFixed(
        0,
      )} ms (${h.graph.users} users, ${h.graph.groups} groups)`,
    );
    out.push(
      formatTable(
        ['series', 'calls', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'mean ms'],
        [
          ['warm (memoised user)', h.warm, whole(h.warm?.count)],
          ['cold (first per user)', h.cold, whole(h.cold?.count)],
        ].map(([name, s, n]) => {
          const summary = s as typeof h.warm;
          return [
            name as string,
            n as string,
            ms(summary?.p50),
            ms(summary?.p90),
            ms(summary?.p99),
            ms(summary?.max),
            ms(summary?.mean),
          ];
        }),
      ),
    );
    out.push(
      `warm series: ${whole(
        h.warmDecisionsPerS,
      )} decisions/s, results ${JSON.stringify(h.results)}`,
    );
  } else {
    out.push(`(a) handle() in process: failed: ${h.error}`);
  }
  out.push('');
  out.push(
    `(b)-(d) POST /api/permission/authorize, ${report.options.concurrency} in flight`,
  );
  const rows: string[][] = [];
  for (const contender of report.http) {
    if (!contender.available) {
      rows.push([contender.contender, `not available: ${contender.reason}`]);
      continue;
    }
    for (const b of contender.batches) {
      rows.push([
        contender.contender,
        String(b.batchSize),
        whole(b.requests),
        fixed(b.requestsPerS, 1),
        whole(b.decisionsPerS),
        ms(b.latencyMs?.p50),
        ms(b.latencyMs?.p99),
        ms(b.handleMs?.p50),
        ms(b.handleMs?.p99),
        ms(b.cpuMsPerRequest),
        String(b.errors),
      ]);
    }
  }
  out.push(
    formatTable(
      [
        'contender',
        'batch',
        'requests',
        'req/s',
        'decisions/s',
        'p50 ms',
        'p99 ms',
        'handle p50 ms',
        'handle p99 ms',
        'CPU ms/req',
        'errors',
      ],
      rows,
    ),
  );
  out.push('');
  out.push('Ratios per batch size');
  out.push(
    formatTable(
      [
        'batch',
        'ours cost ÷ allow-all',
        'p50 ÷ allow-all',
        'p99 ÷ allow-all',
        'control cost ÷ allow-all',
        'ours CPU ÷ allow-all',
        'control CPU ÷ allow-all',
        'ours decisions/s ÷ RHDH',
        'RHDH p50 ÷ ours',
        'RHDH handle p50 ÷ ours',
      ],
      report.ratios.map(r => [
        String(r.batchSize),
        fixed(r.oursCostVsAllowAll, 2),
        fixed(r.oursP50VsAllowAll, 2),
        fixed(r.oursP99VsAllowAll, 2),
        fixed(r.controlCostVsAllowAll, 2),
        fixed(r.oursCpuVsAllowAll, 2),
        fixed(r.controlCpuVsAllowAll, 2),
        fixed(r.oursDecisionsVsRhdh, 0),
        fixed(r.rhdhP50VsOurs, 0),
        fixed(r.rhdhHandleP50VsOurs, 0),
      ]),
    ),
  );
  const c = report.comparison;
  out.push('');
  if (c.oursHttpAgrees !== undefined) {
    out.push(
      `Decisions: ours over HTTP = ours in process for ${c.oursHttpAgrees} of ${c.questions} questions.`,
    );
  }
  if (c.rhdh) {
    out.push(
      `RHDH vs ours: ${c.rhdh.agree} of ${c.questions} agree (ours ALLOW/RHDH DENY ${c.rhdh.oursAllowRhdhDeny}, ours DENY/RHDH ALLOW ${c.rhdh.oursDenyRhdhAllow}).`,
    );
    if (c.rhdh.allowExample) {
      out.push(
        `  both ALLOW: ${c.rhdh.allowExample.user} ${c.rhdh.allowExample.permission}`,
      );
    }
    if (c.rhdh.denyExample) {
      out.push(
        `  both DENY:  ${c.rhdh.denyExample.user} ${c.rhdh.denyExample.permission}`,
      );
    }
    for (const d of c.rhdh.disagreements) {
      out.push(
        `  differ:     ${d.user} ${d.permission}: ours ${d.ours}, RHDH ${d.other}`,
      );
    }
  }
  out.push('');
  out.push('Targets');
  out.push(
    formatTable(
      ['target', 'limit', 'actual', 'verdict'],
      report.targets.map(t => [
        t.name,
        t.limit,
        ratioText(t.actual),
        t.verdict,
      ]),
    ),
  );
  return out.join('\n');
}
