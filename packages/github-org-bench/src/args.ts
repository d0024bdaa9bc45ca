/** Command-line options of `yarn bench:github-org`. */
export type BenchArgs = {
  /** Share of the full org (14,000 members, 1,000 teams, 100 big teams) for ours. */
  scale: number;
  /** Share of the full org for upstream (default: `scale`). */
  upstreamScale: number;
  /** Latency of every stand-in request, in ms. */
  latencyMs: number;
  /** Leave upstream out (ours only). */
  skipUpstream: boolean;
  /** Where the JSON goes. */
  out: string;
};

export const FULL = {
  members: 14_000,
  teams: 1_000,
  bigTeams: 100,
  bigTeamSize: 300,
} as const;

const USAGE = `usage: yarn bench:github-org [--scale full|<0..1>] [--upstream-scale full|<0..1>] [--latency <ms>] [--skip-upstream] [--out <file>]`;

function share(name: string, value: string | undefined): number {
  if (value === 'full') return 1;
  const number = Number(value);
  if (!value || !Number.isFinite(number) || number <= 0 || number > 1) {
    throw new Error(`${name} must be "full" or a number in (0, 1]\n${USAGE}`);
  }
  return number;
}

export function parseArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = {
    scale: 1,
    upstreamScale: NaN,
    latencyMs: 50,
    skipUpstream: false,
    out: 'test-results/bench/github-org.json',
  };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = () => {
      i += 1;
      return argv[i];
    };
    if (flag === '--scale') args.scale = share('--scale', value());
    else if (flag === '--upstream-scale')
      args.upstreamScale = share('--upstream-scale', value());
    else if (flag === '--latency') {
      args.latencyMs = Number(value());
      if (!Number.isInteger(args.latencyMs) || args.latencyMs < 0) {
        throw new Error(`--latency must be a whole number of ms\n${USAGE}`);
      }
    } else if (flag === '--skip-upstream') args.skipUpstream = true;
    else if (flag === '--out') args.out = value();
    else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  if (Number.isNaN(args.upstreamScale)) args.upstreamScale = args.scale;
  return args;
}

/** The org size at a share of the full org (big teams keep 300 members). */
export function orgAt(scale: number) {
  return {
    members: Math.max(1, Math.round(FULL.members * scale)),
    teams: Math.max(1, Math.round(FULL.teams * scale)),
    bigTeams: Math.max(1, Math.round(FULL.bigTeams * scale)),
    bigTeamSize: FULL.bigTeamSize,
  };
}
