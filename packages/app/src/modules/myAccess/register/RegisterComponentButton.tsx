import { useRouteRef } from '@backstage/frontend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { catalogEntityCreatePermission } from '@backstage/plugin-catalog-common/alpha';
import catalogImportPlugin from '@backstage/plugin-catalog-import/alpha';
import { usePermission } from '@backstage/plugin-permission-react';
import { ButtonLink } from '@backstage/ui';
import AddCircleOutlineIcon from '@material-ui/icons/AddCircleOutline';
import { useLocation } from 'react-router-dom';

export const REGISTER_BUTTON_LABEL = 'Register existing component';

/**
 * "Register existing component" in the catalog index page's header, linking to the catalog import page. Shown
 * only to those the policy allows `catalog.entity.create` (the backend separately enforces
 * `catalog.location.create` on the registration itself).
 */
export function RegisterComponentButton() {
  const catalogIndex = useRouteRef(catalogPlugin.routes.catalogIndex);
  const importPage = useRouteRef(catalogImportPlugin.routes.importPage);
  const { pathname } = useLocation();
  const { allowed } = usePermission({
    permission: catalogEntityCreatePermission,
  });

  const onIndexPage =
    catalogIndex !== undefined &&
    pathname.replace(/\/+$/, '') === catalogIndex().replace(/\/+$/, '');
  if (!allowed || !onIndexPage || !importPage) return null;
  return (
    <ButtonLink
      href={importPage()}
      variant="secondary"
      iconStart={<AddCircleOutlineIcon fontSize="small" />}
    >
      {REGISTER_BUTTON_LABEL}
    </ButtonLink>
  );
}
