import {
  PluginHeaderActionBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';

const registerComponentAction = PluginHeaderActionBlueprint.make({
  name: 'register-component',
  params: {
    loader: () =>
      import('./RegisterComponentButton').then(m => (
        <m.RegisterComponentButton />
      )),
  },
});

/**
 * Adds "Register existing component" to the catalog's page header. The installed catalog index page shows its
 * own Create button only when a scaffolder is bound to `createComponent`; this portal has none.
 */
export const registerComponentModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: [registerComponentAction],
});
