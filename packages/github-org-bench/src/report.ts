import type { OrgShape } from './costModel';

/** One contender's run as the benchmark measured it. */
export type ContenderResult = {
  contender: 'ours' | 'upstream';
  ok: boolean;
  wallMs: number;
  /** Requests the stand-in served during the run (its request log). */
  requests: number;
  users: number;
  groups: number;
  memberships: number;
  details?: Record<string, unknown>;
};

/** A contender at the full size: measured, or extrapolated from a smaller run. */
export type FullSizeFigure = {
  requests: number;
  wallS: number;
  /** How the figure was obtained. */
  basis: 'measured' | 'extrapolated';
  note?: string;
};

export type BenchReport = {
  date: string;
  latencyMs: number;
  full: OrgShape;
  runs: Array<ContenderResult & { org: OrgShape; scale: number }>;
  fullSize: { ours: FullSizeFigure; upstream?: FullSizeFigure };
  ratios?: { requests: number; wallTime: number };
  targets: { requests: string; wallTime: string; met?: boolean };
};

const pad = (text: string, width: number) => text.padEnd(width);

export function formatTable(report: BenchReport): string {
  const header = [
    pad('contender', 10),
    pad('scale', 6),
    pad('members', 8),
    pad('teams', 6),
    pad('users', 6),
    pad('groups', 7),
    pad('memberships', 12),
    pad('requests', 9),
    pad('wall s', 8),
    'ok',
  ].join(' ');
  const rows = report.runs.map(run =>
    [
      pad(run.contender, 10),
      pad(String(run.scale), 6),
      pad(String(run.org.members), 8),
      pad(String(run.org.teams), 6),
      pad(String(run.users), 6),
      pad(String(run.groups), 7),
      pad(String(run.memberships), 12),
      pad(String(run.requests), 9),
      pad((run.wallMs / 1000).toFixed(1), 8),
      run.ok ? 'yes' : 'NO',
    ].join(' '),
  );
  const lines = [
    `GitHub org benchmark, stand-in latency ${report.latencyMs} ms per request`,
    '',
    header,
    ...rows,
    '',
    `at full size (${report.full.members} members, ${report.full.teams} teams, ${report.full.bigTeams} teams of ${report.full.bigTeamSize}):`,
  ];
  const figure = (name: string, f: FullSizeFigure | undefined) =>
    f &&
    lines.push(
      `  ${pad(name, 9)} ${pad(String(f.requests), 6)} requests ${pad(
        f.wallS.toFixed(1),
        7,
      )} s  (${f.basis}${f.note ? `: ${f.note}` : ''})`,
    );
  figure('ours', report.fullSize.ours);
  figure('upstream', report.fullSize.upstream);
  if (report.ratios) {
    lines.push(
      `  ours / upstream: requests ${report.ratios.requests.toFixed(
        3,
      )} (target ${
        report.targets.requests
      }), wall time ${report.ratios.wallTime.toFixed(3)} (target ${
        report.targets.wallTime
      }) -> ${report.targets.met ? 'targets met' : 'targets NOT met'}`,
    );
  }
  return lines.join('\n');
}
