import type {
  BackstageIdentityApi,
  OAuthApi,
  ProfileInfoApi,
  SessionApi,
} from '@backstage/frontend-plugin-api';
import type { PortalSession } from '../ldap/PasswordSessionClient';

/** `githubAuthApiRef` / `gitlabAuthApiRef` of the default app APIs. */
export type ScmAuthApi = OAuthApi &
  ProfileInfoApi &
  BackstageIdentityApi &
  SessionApi;

/**
 * Signs in through the provider's popup (consent page, then the backend's
 * `/handler/frame`). Rejects with the error the backend sent to the popup, or
 * a `PopupClosedError` / `PopupRejectedError` from the browser side.
 */
export async function signInWithPopup(api: ScmAuthApi): Promise<PortalSession> {
  const backstageIdentity = await api.getBackstageIdentity({
    instantPopup: true,
  });
  if (!backstageIdentity) {
    throw new Error('The sign-in window returned no identity');
  }
  const profile = (await api.getProfile()) ?? {};
  return { backstageIdentity, profile };
}

/**
 * The session behind the provider's httpOnly refresh cookie, without a popup;
 * `undefined` when there is none.
 */
export async function restoreScmSession(
  api: ScmAuthApi,
): Promise<PortalSession | undefined> {
  const backstageIdentity = await api.getBackstageIdentity({ optional: true });
  if (!backstageIdentity) {
    return undefined;
  }
  const profile = (await api.getProfile({ optional: true })) ?? {};
  return { backstageIdentity, profile };
}
