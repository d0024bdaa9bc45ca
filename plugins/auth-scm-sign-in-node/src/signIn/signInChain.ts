import type { LoggerService } from '@backstage/backend-plugin-api';
import { isError, NotAllowedError } from '@backstage/errors';
import type { SignInInfo, SignInResolver } from '@backstage/plugin-auth-node';
import { SignInTrace, tracingContext } from './SignInTrace';

/** A resolver of a chain with the name it has in `signIn.resolvers`. */
export interface NamedSignInResolver<TResult> {
  name: string;
  resolver: SignInResolver<TResult>;
}

/** Errors that mean "this account has no (unique) portal user". */
const NO_MATCH_ERRORS = ['NotFoundError', 'ConflictError', 'NotAllowedError'];

/** What the browser is told when no portal user matches the account. */
export function noMatchMessage(providerTitle: string): string {
  return `No portal user matches this ${providerTitle} account. Ask your portal admin to add you to the organisation.`;
}

/** What the browser is told when sign-in failed for another reason. */
export function unavailableMessage(providerTitle: string): string {
  return `${providerTitle} sign-in could not be completed; try again later. If it keeps failing, tell your portal admin.`;
}

/**
 * The sign-in resolver of one provider environment: tries `resolvers` in
 * order; only a `NotFoundError` goes on to the next one (upstream
 * `readDeclarativeSignInResolver` semantics). When no resolver signs the user
 * in, it logs one warn line naming every resolver that ran, what it looked up
 * and how it ended, and throws an error whose message says nothing about
 * whether a portal user exists: {@link noMatchMessage}, or
 * {@link unavailableMessage} when a resolver failed for a technical reason
 * (catalog or provider API unreachable).
 */
export function createSignInChain<TResult>(options: {
  resolvers: NamedSignInResolver<TResult>[];
  logger: LoggerService;
  providerTitle: string;
  /** The account, for the log line (login and id; never a token). */
  describeAccount: (info: SignInInfo<TResult>) => string;
}): SignInResolver<TResult> {
  const { resolvers, logger, providerTitle, describeAccount } = options;
  return async (info, ctx) => {
    const trace = new SignInTrace();
    const traced = tracingContext(ctx, trace);
    let failure: unknown;
    for (const { name, resolver } of resolvers) {
      const run = trace.start(name);
      try {
        const result = await resolver(info, traced);
        logger.debug(
          `${providerTitle} sign-in of ${describeAccount(
            info,
          )} resolved by ${name}`,
        );
        return result;
      } catch (error) {
        run.outcome = isError(error)
          ? `${error.name}: ${error.message}`
          : 'unknown error';
        if (isError(error) && error.name === 'NotFoundError') {
          continue;
        }
        failure = error;
        break;
      }
    }
    logger.warn(
      `${providerTitle} sign-in refused for ${describeAccount(
        info,
      )}: ${trace.describe()}`,
    );
    const noMatch =
      failure === undefined ||
      (isError(failure) && NO_MATCH_ERRORS.includes(failure.name));
    throw new NotAllowedError(
      noMatch
        ? noMatchMessage(providerTitle)
        : unavailableMessage(providerTitle),
    );
  };
}
