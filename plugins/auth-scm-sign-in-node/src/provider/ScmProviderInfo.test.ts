import { forge } from '../resolvers/__testUtils__/forge';
import { describeAccount } from './ScmProviderInfo';

describe('describeAccount', () => {
  it('names the username and the stable id with the provider labels', () => {
    expect(
      describeAccount(forge, {
        provider: 'forge',
        id: 'AbC123',
        displayName: 'Octo',
        username: 'octo',
      }),
    ).toBe('account octo (node id AbC123)');
  });

  it('says what is missing', () => {
    expect(
      describeAccount(forge, { provider: 'forge', id: '', displayName: '' }),
    ).toBe('account (no login) (node id none)');
  });
});
