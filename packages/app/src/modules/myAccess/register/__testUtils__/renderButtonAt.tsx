import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { catalogEntityCreatePermission } from '@backstage/plugin-catalog-common/alpha';
import catalogImportPlugin from '@backstage/plugin-catalog-import/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { usePermission } from '@backstage/plugin-permission-react';
import { screen } from '@testing-library/react';
import { RegisterComponentButton } from '../RegisterComponentButton';

/** Shows the permission answer the button sees, so a test knows an absent button is not merely loading. */
function PermissionProbe() {
  const { loading, allowed } = usePermission({
    permission: catalogEntityCreatePermission,
  });
  if (loading) return null;
  return <span>catalog.entity.create {allowed ? 'allowed' : 'denied'}</span>;
}

/**
 * Renders the button at `path` with the catalog and import pages mounted, and waits for the permission answer.
 * usePermission caches answers per permission for the whole test file, so one file holds one answer.
 */
export async function renderButtonAt(
  path: string,
  authorize: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
) {
  await renderInTestApp(
    <>
      <RegisterComponentButton />
      <PermissionProbe />
    </>,
    {
      apis: [mockApis.permission({ authorize })],
      mountedRoutes: {
        '/catalog': catalogPlugin.routes.catalogIndex,
        '/catalog-import': catalogImportPlugin.routes.importPage,
      },
      initialRouteEntries: [path],
    },
  );
  await screen.findByText(
    `catalog.entity.create ${
      authorize === AuthorizeResult.ALLOW ? 'allowed' : 'denied'
    }`,
    undefined,
    { timeout: 10_000 }, // a test app renders slowly on a busy machine
  );
}
