import { parseArgs } from 'node:util';

export interface BenchOptions {
  users: number;
  groups: number;
  roles: number;
  seed: number;
  /** Warm (user, permission) pairs timed through handle(). */
  pairs: number;
  /** Users whose first decision is timed. */
  coldUsers: number;
  /** Users whose tokens the HTTP load uses. */
  httpUsers: number;
  batchSizes: number[];
  concurrency: number;
  warmupS: number;
  durationS: number;
  /** Windows the measured seconds of ours and allow-all are split into, alternating. */
  rounds: number;
  /** Measured seconds per batch size for the RHDH peer (slower, so longer). */
  peerDurationS: number;
  /** (user, permission) pairs asked of ours and the peer to compare decisions. */
  verifyPairs: number;
  skipPeer: boolean;
  /** Leave out the second allow-all backend (the A/A control). */
  skipControl: boolean;
  out: string;
  logLevel: 'error' | 'warn' | 'info' | 'debug';
  verbose: boolean;
  help: boolean;
}

export const USAGE = `Usage: yarn bench:permission [options]

Generates a synthetic organisation and roles, then measures permission
decisions: our policy's handle() in process; POST /api/permission/authorize
through a real backend with our policy and with the allow-all policy; and
the same through a peer backend running RHDH's rbac-backend 6.1.0 (installed
on demand into packages/permission-bench/peer). Prints a table, writes JSON.

Options:
  --users N            users in the org (default 10000)
  --groups N           groups, nested about five deep (default 2000)
  --roles N            roles, one of them superuser (default 50)
  --seed N             seed of org, roles and workload (default 1)
  --pairs N            warm handle() calls timed (default 20000)
  --cold-users N       users whose first decision is timed (default 1000)
  --http-users N       users the HTTP requests are made for (default 200)
  --batch-sizes LIST   items per /authorize request (default 1,25,100)
  --concurrency N      requests in flight (default 8)
  --warmup-s N         seconds of unmeasured load per batch size (default 3)
  --duration-s N       measured seconds per batch size and contender (default 12)
  --rounds N           windows those seconds are split into, alternating
                       between ours and allow-all (default 3)
  --peer-duration-s N  measured seconds per batch size, RHDH peer (default 20)
  --verify-pairs N     decisions compared between ours and the peer (default 300)
  --skip-peer          leave out the RHDH peer (no npm install)
  --skip-control       leave out the second allow-all backend that shows
                       how far two identical backends differ
  --out FILE           JSON results (default test-results/bench/permission.json)
  --log-level L        log level inside the backends (default warn)
  --verbose            forward the backends' stderr
  --help               this text`;

function integer(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
): number {
  if (raw === undefined) {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`--${name} must be an integer ≥ ${min}, got "${raw}"`);
  }
  return value;
}

/** Parses the command line; throws an Error with a readable message. */
export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      users: { type: 'string' },
      groups: { type: 'string' },
      roles: { type: 'string' },
      seed: { type: 'string' },
      pairs: { type: 'string' },
      'cold-users': { type: 'string' },
      'http-users': { type: 'string' },
      'batch-sizes': { type: 'string' },
      concurrency: { type: 'string' },
      'warmup-s': { type: 'string' },
      'duration-s': { type: 'string' },
      rounds: { type: 'string' },
      'peer-duration-s': { type: 'string' },
      'verify-pairs': { type: 'string' },
      'skip-peer': { type: 'boolean' },
      'skip-control': { type: 'boolean' },
      out: { type: 'string' },
      'log-level': { type: 'string' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  const logLevel = values['log-level'] ?? 'warn';
  if (!['error', 'warn', 'info', 'debug'].includes(logLevel)) {
    throw new Error('--log-level must be error|warn|info|debug');
  }
  const batchSizes = (values['batch-sizes'] ?? '1,25,100')
    .split(',')
    .map(s => integer('batch-sizes', s.trim(), 0, 1));
  return {
    users: integer('users', values.users, 10000, 1),
    groups: integer('groups', values.groups, 2000, 1),
    roles: integer('roles', values.roles, 50, 1),
    seed: integer('seed', values.seed, 1, 0),
    pairs: integer('pairs', values.pairs, 20000, 1),
    coldUsers: integer('cold-users', values['cold-users'], 1000, 1),
    httpUsers: integer('http-users', values['http-users'], 200, 1),
    batchSizes,
    concurrency: integer('concurrency', values.concurrency, 8, 1),
    warmupS: integer('warmup-s', values['warmup-s'], 3, 0),
    durationS: integer('duration-s', values['duration-s'], 12, 1),
    rounds: integer('rounds', values.rounds, 3, 1),
    peerDurationS: integer('peer-duration-s', values['peer-duration-s'], 20, 1),
    verifyPairs: integer('verify-pairs', values['verify-pairs'], 300, 0),
    skipPeer: values['skip-peer'] ?? false,
    skipControl: values['skip-control'] ?? false,
    out: values.out ?? 'test-results/bench/permission.json',
    logLevel: logLevel as BenchOptions['logLevel'],
    verbose: values.verbose ?? false,
    help: values.help ?? false,
  };
}
