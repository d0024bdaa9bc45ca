import { createApp } from '@backstage/frontend-defaults';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';

/**
 * The portal frontend. Plugins (catalog, org, user settings, catalog import, catalog graph) are discovered
 * from this package's dependencies (`app.packages: all`); the modules here add the sidebar and the sign-in page.
 */
export default createApp({
  features: [navModule, signInModule],
});
