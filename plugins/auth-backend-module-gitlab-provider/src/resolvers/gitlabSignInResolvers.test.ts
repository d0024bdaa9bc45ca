import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  SignInTrace,
  tracingContext,
} from '@identity-portal/plugin-auth-scm-sign-in-node';
import {
  catalogUser,
  fakeResolverContext,
} from '@identity-portal/plugin-auth-scm-sign-in-node/testUtils';
import { gitlabResult } from '../__testUtils__/gitlabFixtures';
import { createGitlabSignInResolverFactories } from './gitlabSignInResolvers';

function setup(entities: Entity[]) {
  const factories = createGitlabSignInResolverFactories({
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    userIdAnnotation: 'gitlab.example.com/user-id',
  });
  const { ctx, issued } = fakeResolverContext(entities);
  const trace = new SignInTrace();
  trace.start('test');
  return { factories, ctx: tracingContext(ctx, trace), issued, trace };
}

const alice = catalogUser('alice', {
  email: 'alice@example.com',
  annotations: { 'gitlab.example.com/user-id': '20017' },
  memberOf: ['platform-team'],
});

describe('userIdMatchingUserEntityAnnotation (ours, GitLab)', () => {
  it('signs in the user whose <host of audience>/user-id is the numeric id', async () => {
    const { factories, ctx, issued, trace } = setup([alice]);
    await factories.userIdMatchingUserEntityAnnotation()(
      gitlabResult({ id: '20017', username: 'alice' }),
      ctx,
    );
    expect(issued).toEqual([
      {
        sub: 'user:default/alice',
        ent: ['user:default/alice', 'group:default/platform-team'],
      },
    ]);
    expect(trace.describe()).toContain(
      'catalog annotation gitlab.example.com/user-id=20017: 1 user(s)',
    );
  });

  it('does not match the id of another host', async () => {
    const elsewhere = catalogUser('alice', {
      annotations: { 'gitlab.com/user-id': '20017' },
    });
    const { factories, ctx } = setup([elsewhere]);
    await expect(
      factories.userIdMatchingUserEntityAnnotation()(
        gitlabResult({ id: '20017', username: 'alice' }),
        ctx,
      ),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('refuses two users with the same id (conflict)', async () => {
    const twin = catalogUser('alice2', {
      annotations: { 'gitlab.example.com/user-id': '20017' },
    });
    const { factories, ctx } = setup([alice, twin]);
    await expect(
      factories.userIdMatchingUserEntityAnnotation()(
        gitlabResult({ id: '20017', username: 'alice' }),
        ctx,
      ),
    ).rejects.toMatchObject({ name: 'ConflictError' });
  });
});

describe('verifiedEmailMatchingUserEntityProfileEmail (GitLab)', () => {
  it('matches the confirmed primary email case-insensitively', async () => {
    const { factories, ctx, issued } = setup([alice]);
    await factories.verifiedEmailMatchingUserEntityProfileEmail()(
      gitlabResult({ id: '1', username: 'a', email: 'Alice@EXAMPLE.com' }),
      ctx,
    );
    expect(issued[0].sub).toBe('user:default/alice');
  });

  it('ignores the email of an unconfirmed account', async () => {
    const { factories, ctx, trace } = setup([alice]);
    await expect(
      factories.verifiedEmailMatchingUserEntityProfileEmail()(
        gitlabResult({
          id: '1',
          username: 'a',
          email: 'alice@example.com',
          confirmed: false,
        }),
        ctx,
      ),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'The account has no verified email',
    });
    expect(trace.describe()).toContain('verified emails at none');
  });

  it('enforces allowedDomains (not found outside them)', async () => {
    const { factories, ctx, issued } = setup([alice]);
    await expect(
      factories.verifiedEmailMatchingUserEntityProfileEmail({
        allowedDomains: ['corp.example'],
      })(
        gitlabResult({ id: '1', username: 'a', email: 'alice@example.com' }),
        ctx,
      ),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    expect(issued).toEqual([]);
  });

  it('refuses when two users share the email, in any letter case', async () => {
    const copy = catalogUser('alice-copy', { email: 'ALICE@example.com' });
    const { factories, ctx } = setup([alice, copy]);
    await expect(
      factories.verifiedEmailMatchingUserEntityProfileEmail()(
        gitlabResult({ id: '1', username: 'a', email: 'alice@example.com' }),
        ctx,
      ),
    ).rejects.toMatchObject({ name: 'ConflictError' });
  });
});
