import { parseArgs } from 'node:util';

export const CONTENDER_NAMES = [
  'floor',
  'floor-all-attrs',
  'floor-ldapts',
  'upstream',
  'upstream-backend',
  'ours',
] as const;
export type ContenderName = (typeof CONTENDER_NAMES)[number];

export interface BenchOptions {
  people: number;
  groups: number;
  seed: number;
  runs: number;
  warmup: number;
  pageSize: number;
  out: string;
  only: ContenderName[];
  logLevel: 'none' | 'error' | 'warn' | 'info' | 'debug';
  timeoutS: number;
  /** Directory for CPU profiles of the Node contenders' timed sections. */
  cpuProf?: string;
  verbose: boolean;
  help: boolean;
}

export const USAGE = `Usage: yarn bench:org-sync [options]

Seeds a real slapd with a synthetic organisation and times reading it into
catalog entities: raw ldapsearch (floor), the upstream Backstage LDAP provider
and our org sync engine with its LDAP source. Prints a table, writes JSON.

Options:
  --people N        people in the directory (default 20000)
  --groups N        nested groups in the directory (default 2000)
  --seed N          seed of the generated organisation (default 1)
  --runs N          timed runs per contender, interleaved (default 3)
  --warmup N        untimed rounds first (default 1)
  --page-size N     LDAP page size of the floor's ldapsearch (default 500)
  --only LIST       comma-separated subset of: ${CONTENDER_NAMES.join(', ')}
  --out FILE        JSON results (default test-results/bench/org-sync.json)
  --log-level L     log level inside the contenders (default warn)
  --timeout-s N     per-run time limit in seconds (default 900)
  --cpu-prof DIR     write a CPU profile of each Node contender's timed
                    section per run to DIR (slows those runs; for looking,
                    not for timing)
  --verbose         forward the contenders' stderr
  --help            this text`;

function positiveInt(name: string, raw: string | undefined, fallback: number) {
  if (raw === undefined) {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`--${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

/** Parses the command line; throws an Error with a readable message. */
export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      people: { type: 'string' },
      groups: { type: 'string' },
      seed: { type: 'string' },
      runs: { type: 'string' },
      warmup: { type: 'string' },
      'page-size': { type: 'string' },
      only: { type: 'string' },
      out: { type: 'string' },
      'log-level': { type: 'string' },
      'timeout-s': { type: 'string' },
      'cpu-prof': { type: 'string' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  const only = values.only
    ? values.only.split(',').map(s => s.trim())
    : [...CONTENDER_NAMES];
  for (const name of only) {
    if (!(CONTENDER_NAMES as readonly string[]).includes(name)) {
      throw new Error(
        `--only: unknown contender "${name}"; known: ${CONTENDER_NAMES.join(
          ', ',
        )}`,
      );
    }
  }
  const logLevel = values['log-level'] ?? 'warn';
  if (!['none', 'error', 'warn', 'info', 'debug'].includes(logLevel)) {
    throw new Error(`--log-level must be none|error|warn|info|debug`);
  }
  const options: BenchOptions = {
    people: positiveInt('people', values.people, 20000),
    groups: positiveInt('groups', values.groups, 2000),
    seed: positiveInt('seed', values.seed, 1),
    runs: positiveInt('runs', values.runs, 3),
    warmup: positiveInt('warmup', values.warmup, 1),
    pageSize: positiveInt('page-size', values['page-size'], 500),
    out: values.out ?? 'test-results/bench/org-sync.json',
    only: only as ContenderName[],
    logLevel: logLevel as BenchOptions['logLevel'],
    timeoutS: positiveInt('timeout-s', values['timeout-s'], 900),
    cpuProf: values['cpu-prof'],
    verbose: values.verbose ?? false,
    help: values.help ?? false,
  };
  if (options.runs < 1) {
    throw new Error('--runs must be at least 1');
  }
  if (options.pageSize < 1) {
    throw new Error('--page-size must be at least 1');
  }
  return options;
}

/**
 * The order of the contenders in a round: rotated by one each round, so no
 * contender always runs first (cold) or right after the heaviest one.
 */
export function roundOrder<T>(contenders: readonly T[], round: number): T[] {
  if (contenders.length === 0) {
    return [];
  }
  const shift = round % contenders.length;
  return [...contenders.slice(shift), ...contenders.slice(0, shift)];
}
