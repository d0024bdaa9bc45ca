import { createApp } from '@backstage/frontend-defaults';
import { integrationsPlugin } from './modules/integrations';
import { myAccessPlugin, registerComponentModule } from './modules/myAccess';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';

/**
 * The portal frontend. Plugins (catalog, org, user settings, catalog import, catalog graph) are discovered
 * from this package's dependencies (`app.packages: all`); the modules here add the sidebar and the sign-in page,
 * My access (`/my-access`) with the catalog's "Register existing component" button, and Integrations
 * (`/integrations`, the health of the SCM integrations).
 */
export default createApp({
  features: [
    navModule,
    signInModule,
    myAccessPlugin,
    registerComponentModule,
    integrationsPlugin,
  ],
});
