import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen } from '@testing-library/react';
import { REGISTER_BUTTON_LABEL } from './RegisterComponentButton';
import { renderButtonAt } from './__testUtils__/renderButtonAt';

describe('RegisterComponentButton when catalog.entity.create is allowed', () => {
  it('links to the import page from the catalog index page', async () => {
    await renderButtonAt('/catalog', AuthorizeResult.ALLOW);
    expect(
      screen.getByRole('link', { name: REGISTER_BUTTON_LABEL }),
    ).toHaveAttribute('href', '/catalog-import');
  });

  it('stays off the catalog entity pages', async () => {
    await renderButtonAt(
      '/catalog/default/component/petstore',
      AuthorizeResult.ALLOW,
    );
    expect(
      screen.queryByRole('link', { name: REGISTER_BUTTON_LABEL }),
    ).not.toBeInTheDocument();
  });
});
