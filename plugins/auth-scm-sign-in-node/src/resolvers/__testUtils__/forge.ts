import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type {
  OAuthAuthenticatorResult,
  PassportProfile,
} from '@backstage/plugin-auth-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { ScmProviderInfo } from '../../provider/ScmProviderInfo';
import { SignInTrace, tracingContext } from '../../signIn/SignInTrace';
import { fakeResolverContext } from '../../testUtils/fakeResolverContext';

/** A made-up SCM provider whose stable id is the profile's `id`. */
export const forge: ScmProviderInfo<PassportProfile> = {
  title: 'Forge',
  usernameLabel: 'login',
  stableIdLabel: 'node id',
  stableId: profile => profile.id || undefined,
};

/** What an authenticator of the forge hands to the resolvers. */
export function forgeResult(account: { id?: string; username?: string }): {
  profile: {};
  result: OAuthAuthenticatorResult<PassportProfile>;
} {
  return {
    profile: {},
    result: {
      fullProfile: {
        provider: 'forge',
        id: account.id ?? '',
        displayName: account.username ?? '',
        username: account.username,
      },
      session: {
        accessToken: 'forge-user-token',
        tokenType: 'bearer',
        scope: 'read',
      },
    },
  };
}

/** Catalog access over `entities`, a traced resolver context, the issued claims. */
export function forgeSetup(entities: Entity[]) {
  const deps = {
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
  };
  const { ctx, issued } = fakeResolverContext(entities);
  const trace = new SignInTrace();
  trace.start('test');
  return { deps, ctx: tracingContext(ctx, trace), issued, trace };
}
