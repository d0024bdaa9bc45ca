import { MAX_NAME_LENGTH, normaliseName } from './normaliseName';

describe('normaliseName', () => {
  it.each([
    ['jdoe', 'jdoe'],
    ['J.Doe', 'j.doe'],
    ['Łukasz Nowak', 'lukasz-nowak'],
    ['Smith, Jane', 'smith-jane'],
    ['Jürgen Groß', 'jurgen-gross'],
    ['--team__a..b--', 'team_a.b'],
    ['Platform Team (EMEA)', 'platform-team-emea'],
    ['Zoë Ørsted', 'zoe-orsted'],
  ])('turns %p into %p', (raw, expected) => {
    expect(normaliseName(raw)).toBe(expected);
  });

  it('returns undefined when nothing usable is left', () => {
    expect(normaliseName('漢字')).toBeUndefined();
    expect(normaliseName(' -- ')).toBeUndefined();
  });

  it('shortens long names and keeps two long names apart', () => {
    const a = normaliseName(`${'a'.repeat(70)}-one`)!;
    const b = normaliseName(`${'a'.repeat(70)}-two`)!;
    expect(a.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    expect(b.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^a+-[0-9a-f]{6}$/);
  });
});
