import { catalogUser } from '../testUtils/catalogUser';
import { forgeResult, forgeSetup } from './__testUtils__/forge';
import { createVerifiedEmailResolverFactory } from './verifiedEmailResolver';

const alice = catalogUser('alice', {
  email: 'Alice@Example.com',
  memberOf: ['platform-team'],
});
const account = forgeResult({ id: '1', username: 'a' });

function setup(emails: string[] | Error, entities = [alice]) {
  const { deps, ...rest } = forgeSetup(entities);
  const asked: string[] = [];
  const factory = createVerifiedEmailResolverFactory({
    deps,
    verifiedEmails: async result => {
      asked.push(result.session.accessToken);
      if (emails instanceof Error) throw emails;
      return emails;
    },
  });
  return { factory, asked, ...rest };
}

describe('createVerifiedEmailResolverFactory', () => {
  it('asks the provider with the sign-in result and matches an email case-insensitively', async () => {
    const { factory, ctx, issued, asked } = setup(['ALICE@example.COM']);
    await factory()(account, ctx);
    expect(asked).toEqual(['forge-user-token']);
    expect(issued[0].sub).toBe('user:default/alice');
  });

  it('is not found when the account has no verified email, and says so in the trace', async () => {
    const { factory, ctx, trace } = setup([]);
    await expect(factory()(account, ctx)).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'The account has no verified email',
    });
    expect(trace.describe()).toContain('verified emails at none');
  });

  it('enforces allowedDomains exactly (no subdomains), naming the left-out domains', async () => {
    const { factory, ctx, trace } = setup(['alice@eu.example.com']);
    await expect(
      factory({ allowedDomains: ['example.com'] })(account, ctx),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'No verified email in allowedDomains',
    });
    expect(trace.describe()).toContain(
      'left out (not in allowedDomains): eu.example.com',
    );
  });

  it('refuses when the verified emails match more than one user', async () => {
    const bob = catalogUser('bob', { email: 'bob@example.com' });
    const { factory, ctx, issued } = setup(
      ['alice@example.com', 'BOB@example.com'],
      [alice, bob],
    );
    await expect(factory()(account, ctx)).rejects.toMatchObject({
      name: 'ConflictError',
    });
    expect(issued).toEqual([]);
  });

  it('fails with the provider error when the emails cannot be listed', async () => {
    const { factory, ctx } = setup(new Error('provider unreachable'));
    await expect(factory()(account, ctx)).rejects.toThrow(
      'provider unreachable',
    );
  });

  it('rejects unknown options', () => {
    const { factory } = setup([]);
    expect(() =>
      factory({ dangerouslyAllowSignInWithoutUserInCatalog: true } as {}),
    ).toThrow(/Invalid sign-in resolver options/);
  });
});
