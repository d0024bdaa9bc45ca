import {
  PageBlueprint,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import { groupPolicyApi, scmAccountsApi } from './api/apis';
import { myAccessRouteRef } from './routes';

const myAccessPage = PageBlueprint.make({
  params: {
    path: '/my-access',
    routeRef: myAccessRouteRef,
    title: 'My access',
    icon: <VerifiedUserIcon fontSize="inherit" />,
    loader: () =>
      import('./components/MyAccessPage').then(m => <m.MyAccessPage />),
  },
});

/**
 * "My access" (`/my-access`, with a sidebar item): the signed-in user's identity, groups (with the path for
 * inherited ones), roles and how each was obtained, and "May I …?" answered by the group policy with its
 * explanation, and as whom the portal acts for you on each SCM host (your own account once connected).
 * Administrators can look at anyone.
 */
export const myAccessPlugin = createFrontendPlugin({
  pluginId: 'my-access',
  title: 'My access',
  icon: <VerifiedUserIcon fontSize="inherit" />,
  routes: { root: myAccessRouteRef },
  extensions: [groupPolicyApi, scmAccountsApi, myAccessPage],
});
