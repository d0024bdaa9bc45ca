import {
  Sidebar,
  SidebarDivider,
  SidebarGroup,
  SidebarItem,
  SidebarScrollWrapper,
  SidebarSpace,
} from '@backstage/core-components';
import { NavContentBlueprint } from '@backstage/plugin-app-react';
import { catalogEntityCreatePermission } from '@backstage/plugin-catalog-common/alpha';
import type { BasicPermission } from '@backstage/plugin-permission-common';
import { usePermission } from '@backstage/plugin-permission-react';
import type { ReactNode } from 'react';
import MenuIcon from '@material-ui/icons/Menu';
import { UserSettingsSignInAvatar } from '@backstage/plugin-user-settings';
import { scmIntegrationsHealthReadPermission } from '@identity-portal/plugin-scm-integrations-common';

/** Shows its item only to those allowed `permission` (a basic permission). */
function IfAllowed(props: {
  permission: BasicPermission;
  children: ReactNode;
}) {
  const { allowed } = usePermission({ permission: props.permission });
  return allowed ? <>{props.children}</> : null;
}

export const SidebarContent = NavContentBlueprint.make({
  params: {
    component: ({ navItems }) => {
      const nav = navItems.withComponent(item => (
        <SidebarItem icon={() => item.icon} to={item.href} text={item.title} />
      ));
      const register = nav.take('page:catalog-import');
      const integrations = nav.take('page:scm-integrations');
      return (
        <Sidebar>
          <SidebarGroup label="Menu" icon={<MenuIcon />}>
            {nav.take('page:catalog')}
            <IfAllowed permission={catalogEntityCreatePermission}>
              {register}
            </IfAllowed>
            <SidebarDivider />
            <SidebarScrollWrapper>
              {nav.rest({ sortBy: 'title' })}
              <IfAllowed permission={scmIntegrationsHealthReadPermission}>
                {integrations}
              </IfAllowed>
            </SidebarScrollWrapper>
          </SidebarGroup>
          <SidebarSpace />
          <SidebarDivider />
          <SidebarGroup
            label="Settings"
            icon={<UserSettingsSignInAvatar />}
            to="/settings"
          >
            {nav.take('page:user-settings')}
          </SidebarGroup>
        </Sidebar>
      );
    },
  },
});
