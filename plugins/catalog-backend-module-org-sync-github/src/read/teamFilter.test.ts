import { createTeamFilter } from './teamFilter';

describe('createTeamFilter', () => {
  it('includes everything by default', () => {
    expect(
      createTeamFilter({ include: 'all', exclude: [], naming: 'slug' })('x'),
    ).toBe(true);
  });

  it('matches wildcards case-insensitively and lets exclude win', () => {
    const filter = createTeamFilter({
      include: ['platform-*', 'SRE'],
      exclude: ['*-bots'],
      naming: 'slug',
    });
    expect(
      ['platform-web', 'platform-bots', 'sre', 'sre-oncall', 'platformx'].map(
        filter,
      ),
    ).toEqual([true, false, true, false, false]);
  });

  it('treats dots in patterns literally', () => {
    const filter = createTeamFilter({
      include: ['a.b'],
      exclude: [],
      naming: 'slug',
    });
    expect([filter('a.b'), filter('axb')]).toEqual([true, false]);
  });
});
