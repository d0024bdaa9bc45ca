/** Options of one benchmark run. */
export interface BenchOptions {
  users: number;
  groups: number;
  seed: number;
  /** Stand-in latency per request, ms. */
  latencyMs: number;
  /** Our source's member lists in flight. */
  concurrency: number;
  /** JSON report path, relative to the repository root. */
  out: string;
  help: boolean;
}

export const USAGE = `Usage: yarn bench:gitlab-org [--users 60000] [--groups 3000] [--seed 1]
       [--latency-ms 0] [--concurrency 8] [--out test-results/bench/gitlab-org.json]`;

const DEFAULTS: BenchOptions = {
  users: 60_000,
  groups: 3_000,
  seed: 1,
  latencyMs: 0,
  concurrency: 8,
  out: 'test-results/bench/gitlab-org.json',
  help: false,
};

const NUMERIC: Record<string, keyof BenchOptions> = {
  '--users': 'users',
  '--groups': 'groups',
  '--seed': 'seed',
  '--latency-ms': 'latencyMs',
  '--concurrency': 'concurrency',
};

/** Parses the command line; throws a message naming the bad argument. */
export function parseBenchArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      options.help = true;
    } else if (arg === '--out') {
      const value = argv[++i];
      if (!value) throw new Error('--out needs a file path');
      options.out = value;
    } else if (arg in NUMERIC) {
      const value = Number(argv[++i]);
      const min = arg === '--latency-ms' ? 0 : 1;
      if (!Number.isInteger(value) || value < min) {
        throw new Error(`${arg} needs a whole number of at least ${min}`);
      }
      (options as any)[NUMERIC[arg]] = value;
    } else {
      throw new Error(`unknown argument ${arg}`);
    }
  }
  return options;
}
