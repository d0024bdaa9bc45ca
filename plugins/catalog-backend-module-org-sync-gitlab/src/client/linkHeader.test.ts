import { nextLink } from './linkHeader';

describe('nextLink', () => {
  it('finds rel=next among several links', () => {
    expect(
      nextLink(
        '<https://gitlab.example.com/api/v4/users?id_after=42&pagination=keyset&per_page=2>; rel="next", <https://gitlab.example.com/api/v4/users?page=1>; rel="first"',
      ),
    ).toBe(
      'https://gitlab.example.com/api/v4/users?id_after=42&pagination=keyset&per_page=2',
    );
    expect(
      nextLink(
        '<https://x/a?page=1>; rel="prev first", <https://x/a?page=3>; rel=next',
      ),
    ).toBe('https://x/a?page=3');
  });

  it('answers undefined on the last page or without a header', () => {
    expect(nextLink(null)).toBeUndefined();
    expect(nextLink('')).toBeUndefined();
    expect(
      nextLink(
        '<https://x/a?page=1>; rel="first", <https://x/a?page=1>; rel="last"',
      ),
    ).toBeUndefined();
  });
});
