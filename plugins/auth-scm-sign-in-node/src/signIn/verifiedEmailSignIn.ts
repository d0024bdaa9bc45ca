import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  AuthResolverContext,
  BackstageSignInResult,
} from '@backstage/plugin-auth-node';
import { CatalogUserDeps, findUsers, signInAs } from './catalogUsers';
import { describeDomains, emailDomain, traceOf } from './SignInTrace';

/**
 * Signs in the one catalog user whose `spec.profile.email` equals one of the
 * account's verified emails, compared case-insensitively.
 *
 * - With `allowedDomains`, only emails whose domain (after the last `@`) is
 *   one of them, compared case-insensitively and exactly (no subdomains), are
 *   looked up; the others are left out and named in the trace. No email left
 *   is "not found", so the chain goes on.
 * - The catalog filter compares case-insensitively; the candidates are then
 *   checked in code: exactly one distinct user must match across all the
 *   verified emails, more is a `ConflictError` (the chain stops), none a
 *   `NotFoundError` (the chain goes on).
 */
export async function signInByVerifiedEmails(options: {
  emails: string[];
  allowedDomains?: string[];
  deps: CatalogUserDeps;
  ctx: AuthResolverContext;
}): Promise<BackstageSignInResult> {
  const { emails, deps, ctx } = options;
  const trace = traceOf(ctx);
  const allowed = options.allowedDomains?.map(d => d.toLowerCase());
  const usable = allowed
    ? emails.filter(email => allowed.includes(emailDomain(email)))
    : emails;
  const outside = emails.filter(email => !usable.includes(email));
  trace?.note(
    `verified emails at ${describeDomains(emails)}${
      outside.length > 0
        ? `, left out (not in allowedDomains): ${describeDomains(outside)}`
        : ''
    }`,
  );
  if (usable.length === 0) {
    throw new NotFoundError(
      emails.length === 0
        ? 'The account has no verified email'
        : 'No verified email in allowedDomains',
    );
  }
  const wanted = [...new Set(usable.map(email => email.toLowerCase()))];
  const candidates = await findUsers(
    deps,
    wanted.map(email => ({ kind: 'user', 'spec.profile.email': email })),
  );
  const matches = new Map(
    candidates
      .filter(entity => {
        const email = (entity.spec?.profile as { email?: unknown } | undefined)
          ?.email;
        return (
          typeof email === 'string' && wanted.includes(email.toLowerCase())
        );
      })
      .map(entity => [stringifyEntityRef(entity), entity]),
  );
  trace?.note(
    `catalog spec.profile.email at ${describeDomains(wanted)}: ${
      matches.size
    } user(s)`,
  );
  if (matches.size > 1) {
    throw new ConflictError(
      `Verified emails match ${matches.size} users: ${[...matches.keys()].join(
        ', ',
      )}`,
    );
  }
  const [entity] = matches.values();
  if (!entity) {
    throw new NotFoundError('No user with a verified email of the account');
  }
  return signInAs(entity, ctx);
}
