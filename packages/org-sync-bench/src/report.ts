import { max, median, min, ratio } from './stats';

/** One timed run of one contender, as measured by the parent. */
export interface RunResult {
  contender: string;
  /** 1-based round; 0 for the warm-up round, which is not counted. */
  round: number;
  ok: boolean;
  error?: string;
  /** The timed section, in milliseconds (see the README per contender). */
  wallMs?: number;
  /** Including start-up that is not part of the timed section (ours: backend start). */
  totalMs?: number;
  /** Peak resident set size of the contender's process(es), in MiB. */
  peakRssMB?: number;
  /** Resident set size just before the timed section started, in MiB. */
  baseRssMB?: number;
  users?: number;
  groups?: number;
  /** Named intervals inside the timed section, in milliseconds. */
  phases?: Record<string, number>;
  /** Anything else the contender reports (kept in the JSON only). */
  details?: Record<string, unknown>;
}

/** A contender as the table shows it. */
export interface ContenderSummary {
  contender: string;
  description: string;
  /** False when the contender could not run at all (then `reason`). */
  available: boolean;
  reason?: string;
  okRuns: number;
  failedRuns: number;
  wallMedianS?: number;
  wallMinS?: number;
  totalMedianS?: number;
  /** Median over runs of each run's peak RSS. */
  peakRssMB?: number;
  /** Largest peak RSS of any run. */
  peakRssMaxMB?: number;
  baseRssMB?: number;
  /** Median over runs of (peak RSS − RSS before the timed section). */
  rssGrowthMB?: number;
  users?: number;
  groups?: number;
  /** True when the successful runs disagree on the counts. */
  countsVary: boolean;
  timeVsFloor?: number;
  timeVsUpstream?: number;
  rssVsUpstream?: number;
  rssGrowthVsUpstream?: number;
  /** Median per phase, in seconds. */
  phaseMediansS: Record<string, number>;
}

export interface ContenderInfo {
  contender: string;
  description: string;
  available: boolean;
  reason?: string;
}

/** The contender names the ratios and targets refer to. */
export const FLOOR = 'floor';
export const UPSTREAM = 'upstream';
export const OURS = 'ours';
export const UPSTREAM_BACKEND = 'upstream-backend';

export function summarize(
  contenders: readonly ContenderInfo[],
  runs: readonly RunResult[],
): ContenderSummary[] {
  const base = contenders.map(info => summarizeOne(info, runs));
  const floor = base.find(s => s.contender === FLOOR);
  const upstream = base.find(s => s.contender === UPSTREAM);
  return base.map(s => ({
    ...s,
    timeVsFloor: ratio(s.wallMedianS, floor?.wallMedianS),
    timeVsUpstream: ratio(s.wallMedianS, upstream?.wallMedianS),
    rssVsUpstream: ratio(s.peakRssMB, upstream?.peakRssMB),
    rssGrowthVsUpstream: ratio(s.rssGrowthMB, upstream?.rssGrowthMB),
  }));
}

function summarizeOne(
  info: ContenderInfo,
  allRuns: readonly RunResult[],
): ContenderSummary {
  const runs = allRuns.filter(
    r => r.contender === info.contender && r.round > 0,
  );
  const ok = runs.filter(r => r.ok);
  const numbers = (pick: (r: RunResult) => number | undefined) =>
    ok.map(pick).filter((v): v is number => typeof v === 'number');
  const seconds = (v: number | undefined) =>
    v === undefined ? undefined : v / 1000;

  const phaseNames = new Set(ok.flatMap(r => Object.keys(r.phases ?? {})));
  const phaseMediansS: Record<string, number> = {};
  for (const name of phaseNames) {
    const m = median(numbers(r => r.phases?.[name]));
    if (m !== undefined) {
      phaseMediansS[name] = m / 1000;
    }
  }

  const counts = new Set(ok.map(r => `${r.users}/${r.groups}`));
  const last = ok[ok.length - 1];
  const firstError = runs.find(r => !r.ok)?.error;
  return {
    contender: info.contender,
    description: info.description,
    available: info.available && ok.length > 0,
    reason:
      info.reason ??
      (ok.length === 0 && firstError
        ? `every run failed: ${firstError}`
        : undefined),
    okRuns: ok.length,
    failedRuns: runs.length - ok.length,
    wallMedianS: seconds(median(numbers(r => r.wallMs))),
    wallMinS: seconds(min(numbers(r => r.wallMs))),
    totalMedianS: seconds(median(numbers(r => r.totalMs))),
    peakRssMB: median(numbers(r => r.peakRssMB)),
    peakRssMaxMB: max(numbers(r => r.peakRssMB)),
    baseRssMB: median(numbers(r => r.baseRssMB)),
    rssGrowthMB: median(
      numbers(r =>
        r.peakRssMB !== undefined && r.baseRssMB !== undefined
          ? r.peakRssMB - r.baseRssMB
          : undefined,
      ),
    ),
    users: last?.users,
    groups: last?.groups,
    countsVary: counts.size > 1,
    phaseMediansS,
  };
}

/** One target from the issue: ours compared with a reference. */
export interface TargetResult {
  name: string;
  limit: number;
  actual?: number;
  verdict: 'pass' | 'FAIL' | 'n/a';
}

export function evaluateTargets(
  summaries: readonly ContenderSummary[],
): TargetResult[] {
  const ours = summaries.find(s => s.contender === OURS);
  const check = (
    name: string,
    limit: number,
    actual: number | undefined,
  ): TargetResult => {
    if (actual === undefined) {
      return { name, limit, actual, verdict: 'n/a' };
    }
    return { name, limit, actual, verdict: actual <= limit ? 'pass' : 'FAIL' };
  };
  const targets = [
    check('ours time ≤ 1.5 × floor time', 1.5, ours?.timeVsFloor),
    check('ours time ≤ 0.5 × upstream time', 0.5, ours?.timeVsUpstream),
    check('ours peak RSS ≤ 0.5 × upstream peak RSS', 0.5, ours?.rssVsUpstream),
  ];
  // Not a target of the issue: the same RSS comparison with upstream carrying
  // the same test-backend baseline as ours.
  const upstreamBackend = summaries.find(s => s.contender === UPSTREAM_BACKEND);
  if (upstreamBackend) {
    targets.push(
      check(
        '(info) ours peak RSS ≤ 0.5 × upstream-backend peak RSS',
        0.5,
        ratio(ours?.peakRssMB, upstreamBackend.peakRssMB),
      ),
    );
  }
  return targets;
}

/**
 * Renders rows as a plain-text table; numeric-looking cells align right. A
 * row shorter than the header lets its last cell run on over the remaining
 * columns (used for "not available: …" rows) without widening them.
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = header.map((h, i) =>
    Math.max(
      h.length,
      ...rows.map(r =>
        r.length < header.length && i >= r.length - 1 ? 0 : (r[i] ?? '').length,
      ),
    ),
  );
  const numeric = (cell: string) =>
    cell === '–' || /^[-+]?[\d.,]+[×%*]?$/.test(cell);
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        if (cells.length < header.length && i === cells.length - 1) {
          return cell;
        }
        return numeric(cell)
          ? cell.padStart(widths[i])
          : cell.padEnd(widths[i]);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map(w => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export function fixed(value: number | undefined, digits: number): string {
  return value === undefined || !Number.isFinite(value)
    ? '–'
    : value.toFixed(digits);
}

export function times(value: number | undefined): string {
  return value === undefined ? '–' : `${value.toFixed(2)}×`;
}

export const SUMMARY_HEADER = [
  'contender',
  'wall median (s)',
  'min (s)',
  'with start (s)',
  'peak RSS (MB)',
  'RSS before (MB)',
  'RSS growth (MB)',
  'users',
  'groups',
  'time/floor',
  'time/upstream',
  'RSS/upstream',
  'growth/upstream',
  'runs',
] as const;

export function formatSummaryTable(
  summaries: readonly ContenderSummary[],
): string {
  const rows = summaries.map(s => {
    if (!s.available) {
      return [s.contender, `not available: ${oneLine(s.reason)}`];
    }
    return [
      s.contender,
      fixed(s.wallMedianS, 2),
      fixed(s.wallMinS, 2),
      fixed(s.totalMedianS, 2),
      fixed(s.peakRssMB, 0),
      fixed(s.baseRssMB, 0),
      fixed(s.rssGrowthMB, 0),
      s.users === undefined ? '–' : `${s.users}${s.countsVary ? '*' : ''}`,
      s.groups === undefined ? '–' : `${s.groups}${s.countsVary ? '*' : ''}`,
      times(s.timeVsFloor),
      times(s.timeVsUpstream),
      times(s.rssVsUpstream),
      times(s.rssGrowthVsUpstream),
      s.failedRuns > 0
        ? `${s.okRuns} (+${s.failedRuns} failed)`
        : `${s.okRuns}`,
    ];
  });
  return formatTable(SUMMARY_HEADER, rows);
}

const REASON_MAX = 240;

function oneLine(reason: string | undefined): string {
  const line = (reason ?? 'unknown reason').split('\n')[0];
  return line.length > REASON_MAX ? `${line.slice(0, REASON_MAX - 1)}…` : line;
}

export function formatTargets(targets: readonly TargetResult[]): string {
  return formatTable(
    ['target', 'actual', 'verdict'],
    targets.map(t => [t.name, times(t.actual), t.verdict]),
  );
}

/** Phase medians per contender, one line each (for the "where does time go" view). */
export function formatPhases(summaries: readonly ContenderSummary[]): string {
  return summaries
    .filter(s => Object.keys(s.phaseMediansS).length > 0)
    .map(
      s =>
        `${s.contender}: ${Object.entries(s.phaseMediansS)
          .map(([name, v]) => `${name} ${v.toFixed(2)}s`)
          .join(', ')}`,
    )
    .join('\n');
}
