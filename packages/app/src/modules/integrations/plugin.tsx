import {
  PageBlueprint,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import DeviceHubIcon from '@material-ui/icons/DeviceHub';
import { scmIntegrationsApi } from './api/apis';
import { integrationsRouteRef } from './routes';

const integrationsPage = PageBlueprint.make({
  params: {
    path: '/integrations',
    routeRef: integrationsRouteRef,
    title: 'Integrations',
    icon: <DeviceHubIcon fontSize="inherit" />,
    loader: () =>
      import('./components/IntegrationsPage').then(m => <m.IntegrationsPage />),
  },
});

/**
 * "Integrations" (`/integrations`): the health of every SCM integrations host (credential kind, whether it works
 * and as whom, granted vs needed scopes, rate limit, expiry) and problems in `integrations:`, from the
 * scm-integrations backend plugin. Its sidebar item shows only to those allowed `scm-integrations.health.read`.
 */
export const integrationsPlugin = createFrontendPlugin({
  pluginId: 'scm-integrations',
  title: 'Integrations',
  icon: <DeviceHubIcon fontSize="inherit" />,
  routes: { root: integrationsRouteRef },
  extensions: [scmIntegrationsApi, integrationsPage],
});
