import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen } from '@testing-library/react';
import { REGISTER_BUTTON_LABEL } from './RegisterComponentButton';
import { renderButtonAt } from './__testUtils__/renderButtonAt';

// A file of its own: usePermission caches the answer per permission for the whole test file.
describe('RegisterComponentButton when catalog.entity.create is denied', () => {
  it('is absent from the catalog index page', async () => {
    await renderButtonAt('/catalog', AuthorizeResult.DENY);
    expect(
      screen.queryByRole('link', { name: REGISTER_BUTTON_LABEL }),
    ).not.toBeInTheDocument();
  });
});
