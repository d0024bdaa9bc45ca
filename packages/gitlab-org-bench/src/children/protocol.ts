/** The environment variable carrying a child's parameters (JSON). */
export const PARAMS_ENV = 'GITLAB_ORG_BENCH_PARAMS';
/** The stdout line prefix of a child's result (JSON follows). */
export const RESULT_PREFIX = 'GITLAB_ORG_BENCH_RESULT ';

/** What the parent hands to the "ours" child. */
export interface OursParams {
  /** Stand-in base URL, e.g. http://127.0.0.1:41234. */
  standinUrl: string;
  token: string;
  group: string;
  concurrency: number;
}

/** What the "ours" child reports. */
export interface OursResult {
  ok: boolean;
  error?: string;
  /** From just before the sync until its full mutation was applied, ms. */
  wallMs?: number;
  /** The source's own read time as the engine reports it, ms. */
  readMs?: number;
  /** Peak resident set size of the child process, MiB. */
  peakRssMB?: number;
  outcome?: string;
  read?: { users: number; groups: number };
  committed?: { users: number; groups: number };
  problems?: number;
  /** Entities in the full mutation handed to the catalog. */
  entities?: number;
}
