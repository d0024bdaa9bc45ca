import { catalogUser } from '../testUtils/catalogUser';
import { forge, forgeResult, forgeSetup } from './__testUtils__/forge';
import { createUserIdAnnotationResolverFactory } from './userIdAnnotationResolver';

const ANNOTATION = 'forge.example/user-id';
const alice = catalogUser('alice', {
  annotations: { [ANNOTATION]: 'AbC123' },
  memberOf: ['platform-team'],
});

function setup(entities = [alice]) {
  const { deps, ...rest } = forgeSetup(entities);
  const factory = createUserIdAnnotationResolverFactory({
    deps,
    provider: forge,
    annotation: ANNOTATION,
  });
  return { factory, ...rest };
}

describe('createUserIdAnnotationResolverFactory', () => {
  it('signs in the user whose annotation is the stable id, with its ownership', async () => {
    const { factory, ctx, issued, trace } = setup();
    await expect(
      factory()(forgeResult({ id: 'AbC123', username: 'alice' }), ctx),
    ).resolves.toEqual({ token: 'backstage-token-for-user:default/alice' });
    expect(issued).toEqual([
      {
        sub: 'user:default/alice',
        ent: ['user:default/alice', 'group:default/platform-team'],
      },
    ]);
    expect(trace.describe()).toBe(
      `test [catalog annotation ${ANNOTATION}=AbC123: 1 user(s)] -> signed in`,
    );
  });

  it('compares exactly: a user whose id differs only by letter case is not found, and named', async () => {
    const { factory, ctx, trace } = setup();
    await expect(
      factory()(forgeResult({ id: 'abc123', username: 'mallory' }), ctx),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'User not found',
    });
    expect(trace.describe()).toContain(
      `${ANNOTATION}=abc123: 0 user(s), 1 differing only by letter case ignored`,
    );
  });

  it('refuses two users with the same id (conflict)', async () => {
    const twin = catalogUser('alice2', {
      annotations: { [ANNOTATION]: 'AbC123' },
    });
    const { factory, ctx, issued } = setup([alice, twin]);
    await expect(
      factory()(forgeResult({ id: 'AbC123', username: 'alice' }), ctx),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: `2 users have ${ANNOTATION}=AbC123`,
    });
    expect(issued).toEqual([]);
  });

  it('is not found for a profile without stable id, naming the provider and the id', async () => {
    const { factory, ctx, trace } = setup();
    await expect(
      factory()(forgeResult({ username: 'alice' }), ctx),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'Forge profile has no node id',
    });
    expect(trace.describe()).toContain('the profile has no node id');
  });

  it('with dangerouslyAllowSignInWithoutUserInCatalog signs in an unknown account by its username, lower case', async () => {
    const { factory, ctx, issued } = setup();
    await factory({ dangerouslyAllowSignInWithoutUserInCatalog: true })(
      forgeResult({ id: 'Zz999', username: 'New-Person' }),
      ctx,
    );
    expect(issued).toEqual([
      { sub: 'user:default/new-person', ent: ['user:default/new-person'] },
    ]);
  });

  it('rejects unknown options', () => {
    const { factory } = setup();
    expect(() => factory({ allowedDomains: ['x'] } as {})).toThrow(
      /Invalid sign-in resolver options/,
    );
  });
});
