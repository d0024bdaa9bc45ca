import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError, NotFoundError } from '@backstage/errors';
import type { SignInResolver } from '@backstage/plugin-auth-node';
import { fakeResolverContext } from '../testUtils/fakeResolverContext';
import { createSignInChain } from './signInChain';
import { traceOf } from './SignInTrace';

type Result = { login: string };
const info = { profile: {}, result: { login: 'octo' } };

function chain(
  providerTitle: string,
  ...resolvers: [string, SignInResolver<Result>][]
) {
  const logger = mockServices.logger.mock();
  const resolver = createSignInChain<Result>({
    resolvers: resolvers.map(([name, r]) => ({ name, resolver: r })),
    logger,
    providerTitle,
    describeAccount: ({ result }) => `account ${result.login}`,
  });
  return { resolver, logger };
}

const notFound: SignInResolver<Result> = async (_, ctx) => {
  traceOf(ctx)?.note('looked at something');
  throw new NotFoundError('User not found');
};
const signsIn: SignInResolver<Result> = async () => ({ token: 'ok' });

describe.each(['GitHub', 'GitLab'])('createSignInChain (%s)', title => {
  it('goes on after "not found" and returns the first sign-in', async () => {
    const second = jest.fn(signsIn);
    const third = jest.fn(signsIn);
    const { resolver, logger } = chain(
      title,
      ['a', notFound],
      ['b', second],
      ['c', third],
    );
    await expect(resolver(info, fakeResolverContext().ctx)).resolves.toEqual({
      token: 'ok',
    });
    expect(third).not.toHaveBeenCalled();
    expect(logger.debug).toHaveBeenCalledWith(
      `${title} sign-in of account octo resolved by b`,
    );
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('stops at any other error, with the generic message for a conflict', async () => {
    const after = jest.fn(signsIn);
    const { resolver, logger } = chain(
      title,
      ['a', async () => Promise.reject(new ConflictError('2 users match'))],
      ['b', after],
    );
    await expect(resolver(info, fakeResolverContext().ctx)).rejects.toThrow(
      `No portal user matches this ${title} account. Ask your portal admin to add you to the organisation.`,
    );
    expect(after).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(
      `${title} sign-in refused for account octo: a [no lookup] -> ConflictError: 2 users match`,
    );
  });

  it('logs one warn line naming every resolver that ran and what it looked up', async () => {
    const { resolver, logger } = chain(
      title,
      ['first', notFound],
      ['second', notFound],
    );
    await expect(
      resolver(info, fakeResolverContext().ctx),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: `No portal user matches this ${title} account. Ask your portal admin to add you to the organisation.`,
    });
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      `${title} sign-in refused for account octo: first [looked at something] -> NotFoundError: User not found, second [looked at something] -> NotFoundError: User not found`,
    );
  });

  it('records catalog lookups of upstream resolvers, emails cut to their domain', async () => {
    const { resolver, logger } = chain(title, [
      'email',
      (_, ctx) =>
        ctx.signInWithCatalogUser({
          filter: { 'spec.profile.email': 'octo@example.com' },
        }),
    ]);
    await expect(resolver(info, fakeResolverContext().ctx)).rejects.toThrow();
    const line = logger.warn.mock.calls[0][0];
    expect(line).toContain('catalog spec.profile.email=*@example.com');
    expect(line).not.toContain('octo@');
  });

  it('says "try again later" when a resolver fails for a technical reason', async () => {
    const { resolver } = chain(title, [
      'a',
      async () => Promise.reject(new Error('connect ECONNREFUSED')),
    ]);
    await expect(resolver(info, fakeResolverContext().ctx)).rejects.toThrow(
      `${title} sign-in could not be completed; try again later. If it keeps failing, tell your portal admin.`,
    );
  });
});
