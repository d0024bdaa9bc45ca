import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { guestAuthApi, ldapAuthApi } from './apis';

/**
 * The portal's sign-in page: the providers listed in `app.signIn.providers` (LDAP form, GitHub and GitLab buttons, guest) side by side,
 * with the session restored on reload.
 */
const signInPage = SignInPageBlueprint.make({
  params: {
    loader: async () =>
      import('./PortalSignInPage').then(m => m.PortalSignInPage),
  },
});

export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [ldapAuthApi, guestAuthApi, signInPage],
});
