import type { OursResult } from './children/protocol';
import type { WalkResult } from './offsetWalk';

/** One row of the printed table. */
export interface Row {
  contender: string;
  result: string;
  users: string;
  groups: string;
  requests: string;
  wall: string;
  peakRss: string;
}

const seconds = (ms?: number) =>
  ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`;

export function oursRow(
  result: OursResult,
  requests: number,
  concurrency: number,
): Row {
  return {
    contender: `ours: org sync engine + GitLab source (REST, ${concurrency} lists in flight)`,
    result: result.ok
      ? `${result.outcome}`
      : `FAILED: ${(result.error ?? '').split('\n')[0].slice(0, 80)}`,
    users: String(result.committed?.users ?? '–'),
    groups: String(result.committed?.groups ?? '–'),
    requests: String(requests),
    wall: `${seconds(result.wallMs)} (read ${seconds(result.readMs)})`,
    peakRss:
      result.peakRssMB === undefined
        ? '–'
        : `${Math.round(result.peakRssMB)} MiB`,
  };
}

export function walkRow(walk: WalkResult, label: string): Row {
  return {
    contender: label,
    result: walk.complete
      ? `complete (${walk.items} items)`
      : `${walk.stoppedAt!.status} at page ${walk.stoppedAt!.page} after ${
          walk.items
        } items`,
    users: String(walk.items),
    groups: '–',
    requests: String(walk.requests),
    wall: seconds(walk.wallMs),
    peakRss: '–',
  };
}

const HEADERS: Row = {
  contender: 'contender',
  result: 'result',
  users: 'users',
  groups: 'groups',
  requests: 'requests',
  wall: 'wall time',
  peakRss: 'peak RSS',
};

/** A Markdown-style table, columns padded. */
export function formatTable(rows: Row[]): string {
  const keys = Object.keys(HEADERS) as Array<keyof Row>;
  const all = [HEADERS, ...rows];
  const widths = keys.map(k => Math.max(...all.map(r => r[k].length)));
  const line = (r: Row) =>
    `| ${keys.map((k, i) => r[k].padEnd(widths[i])).join(' | ')} |`;
  return [
    line(HEADERS),
    `|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}
