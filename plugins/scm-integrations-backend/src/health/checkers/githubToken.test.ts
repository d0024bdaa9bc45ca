import { parseGithubExpiration } from './githubToken';

describe('parseGithubExpiration', () => {
  it.each([
    ['2026-03-01 12:00:00 UTC', '2026-03-01T12:00:00.000Z'],
    ['2026-03-01 04:00:00 -0800', '2026-03-01T12:00:00.000Z'],
    ['soon', undefined],
  ])('%s → %s', (header, iso) => {
    expect(parseGithubExpiration(header)).toBe(iso);
  });
});
