import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  ACCESS_TOKEN,
  API,
  catalogUser,
  githubResult,
} from '../__testUtils__/githubFixtures';
import {
  SignInTrace,
  tracingContext,
} from '@identity-portal/plugin-auth-scm-sign-in-node';
import { fakeResolverContext } from '@identity-portal/plugin-auth-scm-sign-in-node/testUtils';
import { createGithubSignInResolverFactories } from './githubSignInResolvers';

const server = setupServer();
registerMswTestHooks(server);

type Email = { email: string; verified: boolean; primary: boolean };

/** GitHub's /user/emails for the test's access token; records the Authorization headers. */
function serveEmails(emails: Email[]) {
  const authorizations: (string | null)[] = [];
  server.use(
    http.get(`${API}/user/emails`, ({ request }) => {
      authorizations.push(request.headers.get('authorization'));
      if (request.headers.get('authorization') !== `Bearer ${ACCESS_TOKEN}`) {
        return HttpResponse.json(
          { message: 'Bad credentials' },
          { status: 401 },
        );
      }
      return HttpResponse.json(emails);
    }),
  );
  return authorizations;
}

function setup(entities: Entity[]) {
  const factories = createGithubSignInResolverFactories({
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    apiBaseUrl: API,
  });
  const { ctx, issued } = fakeResolverContext(entities);
  const trace = new SignInTrace();
  trace.start('test');
  return { factories, ctx: tracingContext(ctx, trace), issued, trace };
}

const alice = catalogUser('alice', {
  email: 'Alice@Example.com',
  nodeId: 'MDQ6VXNlcjEwMDE3',
  memberOf: ['platform-team'],
});

describe('userIdMatchingUserEntityAnnotation (ours)', () => {
  it('signs in the user whose github.com/user-id is the node id, with its ownership', async () => {
    const { factories, ctx, issued, trace } = setup([alice]);
    const resolver = factories.userIdMatchingUserEntityAnnotation();
    await expect(
      resolver(
        githubResult({ login: 'alice-andersson', nodeId: 'MDQ6VXNlcjEwMDE3' }),
        ctx,
      ),
    ).resolves.toEqual({ token: 'backstage-token-for-user:default/alice' });
    expect(issued).toEqual([
      {
        sub: 'user:default/alice',
        ent: ['user:default/alice', 'group:default/platform-team'],
      },
    ]);
    expect(trace.describe()).toContain(
      'catalog annotation github.com/user-id=MDQ6VXNlcjEwMDE3: 1 user(s)',
    );
  });

  it('ignores a user whose id differs only by letter case (not found)', async () => {
    const { factories, ctx, trace } = setup([alice]);
    const resolver = factories.userIdMatchingUserEntityAnnotation();
    await expect(
      resolver(
        githubResult({ login: 'mallory', nodeId: 'mdq6vxnlcjewmde3' }),
        ctx,
      ),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    expect(trace.describe()).toContain(
      '1 differing only by letter case ignored',
    );
  });

  it('refuses two users with the same id (conflict)', async () => {
    const twin = catalogUser('alice2', { nodeId: 'MDQ6VXNlcjEwMDE3' });
    const { factories, ctx } = setup([alice, twin]);
    await expect(
      factories.userIdMatchingUserEntityAnnotation()(
        githubResult({ login: 'alice-andersson', nodeId: 'MDQ6VXNlcjEwMDE3' }),
        ctx,
      ),
    ).rejects.toMatchObject({ name: 'ConflictError' });
  });

  it('is not found for a profile without node id, or without a user', async () => {
    const { factories, ctx } = setup([alice]);
    const resolver = factories.userIdMatchingUserEntityAnnotation();
    await expect(
      resolver(githubResult({ login: 'x' }), ctx),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    await expect(
      resolver(githubResult({ login: 'x', nodeId: 'MDQ6VXNlcjk5OTk5' }), ctx),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('rejects unknown options', () => {
    const { factories } = setup([]);
    expect(() =>
      factories.userIdMatchingUserEntityAnnotation({ allowedDomains: ['x'] }),
    ).toThrow(/Invalid sign-in resolver options/);
  });
});

describe('verifiedEmailMatchingUserEntityProfileEmail', () => {
  it('matches a verified email case-insensitively, asking GitHub with the user token', async () => {
    const authorizations = serveEmails([
      { email: 'ALICE@example.COM', verified: true, primary: true },
    ]);
    const { factories, ctx, issued } = setup([alice]);
    await factories.verifiedEmailMatchingUserEntityProfileEmail()(
      githubResult({ login: 'alice-andersson' }),
      ctx,
    );
    expect(issued[0].sub).toBe('user:default/alice');
    expect(authorizations).toEqual([`Bearer ${ACCESS_TOKEN}`]);
  });

  it('ignores an unverified email', async () => {
    serveEmails([
      { email: 'alice@example.com', verified: false, primary: true },
      { email: 'alice@elsewhere.test', verified: true, primary: false },
    ]);
    const { factories, ctx, issued, trace } = setup([alice]);
    await expect(
      factories.verifiedEmailMatchingUserEntityProfileEmail()(
        githubResult({ login: 'mallory' }),
        ctx,
      ),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    expect(issued).toEqual([]);
    expect(trace.describe()).toContain('verified emails at elsewhere.test');
  });

  it('enforces allowedDomains: a verified email outside them is not looked up (not found)', async () => {
    serveEmails([
      { email: 'alice@example.com', verified: true, primary: true },
    ]);
    const { factories, ctx, trace } = setup([alice]);
    const resolver = factories.verifiedEmailMatchingUserEntityProfileEmail({
      allowedDomains: ['corp.example'],
    });
    await expect(
      resolver(githubResult({ login: 'alice-andersson' }), ctx),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'No verified email in allowedDomains',
    });
    expect(trace.describe()).toContain(
      'verified emails at example.com, left out (not in allowedDomains): example.com',
    );
  });

  it('uses the emails inside allowedDomains (compared case-insensitively)', async () => {
    serveEmails([
      { email: 'alice@private.test', verified: true, primary: true },
      { email: 'alice@example.com', verified: true, primary: false },
    ]);
    const { factories, ctx, issued } = setup([alice]);
    await factories.verifiedEmailMatchingUserEntityProfileEmail({
      allowedDomains: ['EXAMPLE.com'],
    })(githubResult({ login: 'alice-andersson' }), ctx);
    expect(issued[0].sub).toBe('user:default/alice');
  });

  it('refuses when the verified emails match more than one user', async () => {
    serveEmails([
      { email: 'alice@example.com', verified: true, primary: true },
      { email: 'shared@example.com', verified: true, primary: false },
    ]);
    const other = catalogUser('bob', { email: 'SHARED@example.com' });
    const { factories, ctx, issued } = setup([alice, other]);
    await expect(
      factories.verifiedEmailMatchingUserEntityProfileEmail()(
        githubResult({ login: 'alice-andersson' }),
        ctx,
      ),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    expect(issued).toEqual([]);
  });

  it('fails (not "not found") when GitHub refuses the email list', async () => {
    serveEmails([]);
    const { factories, ctx } = setup([alice]);
    await expect(
      factories.verifiedEmailMatchingUserEntityProfileEmail()(
        githubResult({ login: 'alice-andersson' }, 'expired-token'),
        ctx,
      ),
    ).rejects.toMatchObject({ name: 'ResponseError' });
  });
});
