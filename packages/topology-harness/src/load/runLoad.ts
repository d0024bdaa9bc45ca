import { authorize, getJson, ldapSignIn } from '../portalClient';
import { LatencyRecorder } from './stats';

/** A demo account the virtual users sign in with. */
export interface Account {
  uid: string;
  password: string;
}

/** Options for {@link runLoad}. */
export interface LoadOptions {
  /** The replicas, used in turn by each virtual user. */
  urls: string[];
  accounts: Account[];
  users: number;
  durationMs: number;
  /** A request unanswered after this long counts as an error. */
  requestTimeoutMs?: number;
}

export const STEPS = ['signIn', 'catalogRead', 'authorize'] as const;
export type Step = (typeof STEPS)[number];

/** What a load run measured. */
export interface LoadResult {
  durationS: number;
  users: number;
  iterations: number;
  steps: Record<Step, LatencyRecorder>;
  overall: LatencyRecorder;
  /** Error counts by `<step>: <status or error name>`. */
  errors: Record<string, number>;
  /** Requests per replica URL. */
  perReplica: Record<string, number>;
}

class StepError extends Error {}

/**
 * `users` virtual users, each looping until the deadline: LDAP sign-in (the demo accounts in turn) →
 * the signed-in user's catalog entity → `POST /api/permission/authorize` for registering a component,
 * every step on the next replica in turn. Bounded by `durationMs`; requests in flight at the deadline
 * finish (each bounded by `requestTimeoutMs`).
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const steps = {
    signIn: new LatencyRecorder(),
    catalogRead: new LatencyRecorder(),
    authorize: new LatencyRecorder(),
  };
  const overall = new LatencyRecorder();
  const errors: Record<string, number> = {};
  const perReplica: Record<string, number> = {};
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  let iterations = 0;
  let turn = 0;
  const started = Date.now();
  const deadline = started + options.durationMs;

  async function measure<T>(
    step: Step,
    call: (url: string, signal: AbortSignal) => Promise<T>,
    ok: (value: T) => string | undefined,
  ): Promise<T> {
    const url = options.urls[turn++ % options.urls.length];
    perReplica[url] = (perReplica[url] ?? 0) + 1;
    const begin = performance.now();
    let failure: string | undefined;
    let value: T | undefined;
    try {
      value = await call(url, AbortSignal.timeout(timeoutMs));
      failure = ok(value);
    } catch (error) {
      failure = (error as Error).name || 'Error';
    }
    const ms = performance.now() - begin;
    if (failure) {
      const kind = `${step}: ${failure}`;
      errors[kind] = (errors[kind] ?? 0) + 1;
      steps[step].errors += 1;
      overall.errors += 1;
      throw new StepError(kind);
    }
    steps[step].record(ms);
    overall.record(ms);
    return value as T;
  }

  async function virtualUser(index: number) {
    let next = index;
    while (Date.now() < deadline) {
      const account = options.accounts[next++ % options.accounts.length];
      try {
        const signedIn = await measure(
          'signIn',
          (url, signal) =>
            ldapSignIn(url, account.uid, account.password, signal),
          answer => (answer.status === 200 ? undefined : String(answer.status)),
        );
        const [kind, rest] = signedIn.userEntityRef!.split(':');
        await measure(
          'catalogRead',
          (url, signal) =>
            getJson(
              url,
              `/api/catalog/entities/by-name/${kind}/${rest}`,
              signedIn.token,
              signal,
            ),
          answer => (answer.status === 200 ? undefined : String(answer.status)),
        );
        await measure(
          'authorize',
          (url, signal) =>
            authorize(
              url,
              signedIn.token!,
              ['catalog.location.create'],
              signal,
            ),
          answer =>
            answer.status === 200 && answer.results.length === 1
              ? undefined
              : String(answer.status),
        );
        iterations += 1;
      } catch (error) {
        if (!(error instanceof StepError)) throw error;
      }
    }
  }

  await Promise.all(
    Array.from({ length: options.users }, (_, index) => virtualUser(index)),
  );
  return {
    durationS: (Date.now() - started) / 1000,
    users: options.users,
    iterations,
    steps,
    overall,
    errors,
    perReplica,
  };
}
