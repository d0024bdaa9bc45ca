import type {
  AuthResolverCatalogUserQuery,
  AuthResolverContext,
} from '@backstage/plugin-auth-node';

/** One resolver of a chain: what it looked up and how it ended. */
export interface ResolverRun {
  resolver: string;
  lookups: string[];
  outcome?: string;
}

/**
 * What the resolvers of one sign-in attempt looked up, for the single warn
 * line of a refused sign-in. Holds lookup keys, annotation values and email
 * domains; never a token, never an email local part.
 */
export class SignInTrace {
  readonly runs: ResolverRun[] = [];

  start(resolver: string): ResolverRun {
    const run: ResolverRun = { resolver, lookups: [] };
    this.runs.push(run);
    return run;
  }

  note(lookup: string) {
    this.runs[this.runs.length - 1]?.lookups.push(lookup);
  }

  describe(): string {
    return this.runs
      .map(
        run =>
          `${run.resolver} [${run.lookups.join('; ') || 'no lookup'}] -> ${
            run.outcome ?? 'signed in'
          }`,
      )
      .join(', ');
  }
}

const traces = new WeakMap<AuthResolverContext, SignInTrace>();

/** The trace of the attempt a resolver context belongs to, if it is traced. */
export function traceOf(ctx: AuthResolverContext): SignInTrace | undefined {
  return traces.get(ctx);
}

/** `someone@example.com` -> `example.com` (lower case). */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** The distinct domains of some email addresses, for a log line. */
export function describeDomains(emails: string[]): string {
  const domains = [...new Set(emails.map(emailDomain))];
  return domains.length > 0 ? domains.join(', ') : 'none';
}

function maskValue(value: unknown): string {
  const text = String(value);
  return text.includes('@') ? `*@${emailDomain(text)}` : text;
}

/** A catalog user query as a log fragment, email addresses cut to their domain. */
export function describeQuery(query: AuthResolverCatalogUserQuery): string {
  if ('entityRef' in query) {
    const ref = query.entityRef;
    return `entityRef ${
      typeof ref === 'string'
        ? ref
        : `${ref.kind ?? 'user'}:${ref.namespace ?? 'default'}/${ref.name}`
    }`;
  }
  if ('annotations' in query) {
    return Object.entries(query.annotations)
      .map(([key, value]) => `annotation ${key}=${value}`)
      .join(' ');
  }
  return [query.filter]
    .flat()
    .map(filter =>
      Object.entries(filter)
        .map(
          ([key, value]) => `${key}=${[value].flat().map(maskValue).join('|')}`,
        )
        .join(' '),
    )
    .join(' or ');
}

/**
 * A resolver context that records every catalog lookup into `trace` and
 * otherwise delegates to `ctx`. Resolvers of this package add their own notes
 * through `traceOf(ctx)`.
 */
export function tracingContext(
  ctx: AuthResolverContext,
  trace: SignInTrace,
): AuthResolverContext {
  const traced: AuthResolverContext = {
    issueToken: params => ctx.issueToken(params),
    findCatalogUser: query => {
      trace.note(`catalog ${describeQuery(query)}`);
      return ctx.findCatalogUser(query);
    },
    signInWithCatalogUser: (query, options) => {
      trace.note(`catalog ${describeQuery(query)}`);
      return ctx.signInWithCatalogUser(query, options);
    },
    resolveOwnershipEntityRefs: entity =>
      ctx.resolveOwnershipEntityRefs(entity),
  };
  traces.set(traced, trace);
  return traced;
}
