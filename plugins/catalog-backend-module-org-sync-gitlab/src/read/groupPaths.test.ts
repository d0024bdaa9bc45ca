import { excludedBy, groupNames, relativePath } from './groupPaths';

describe('relativePath', () => {
  it('strips the root group, case-insensitively', () => {
    expect(relativePath('Acme', 'acme/platform/sre')).toBe('platform/sre');
    expect(relativePath('acme', 'acme')).toBe('');
  });
});

describe('excludedBy', () => {
  it('matches a group or any ancestor with * and ** globs', () => {
    const excluded = excludedBy(['sandbox', '*/archive', 'legacy/**']);
    expect(excluded('')).toBe(false);
    expect(excluded('sandbox')).toBe(true);
    expect(excluded('sandbox/deep/child')).toBe(true);
    expect(excluded('platform/archive')).toBe(true);
    expect(excluded('platform/archive/old')).toBe(true);
    expect(excluded('platform/archive-2')).toBe(false);
    expect(excluded('legacy')).toBe(false);
    expect(excluded('legacy/x/y')).toBe(true);
    expect(excluded('platform/sre')).toBe(false);
    expect(excludedBy([])('anything')).toBe(false);
  });
});

describe('groupNames', () => {
  it('joins the relative path with -, the root keeps its path', () => {
    const names = groupNames('acme', [
      { id: 1, path: 'acme', full_path: 'acme' },
      { id: 2, path: 'platform', full_path: 'acme/platform' },
      { id: 3, path: 'sre', full_path: 'acme/platform/sre' },
    ]);
    expect([...names]).toEqual([
      [1, 'acme'],
      [2, 'platform'],
      [3, 'platform-sre'],
    ]);
  });

  it('names each group by its own segment with leaf naming, telling equal leaves apart', () => {
    const names = groupNames(
      'acme',
      [
        { id: 1, path: 'acme', full_path: 'acme' },
        { id: 3, path: 'sre', full_path: 'acme/platform/sre' },
        { id: 7, path: 'sre', full_path: 'acme/product/sre' },
      ],
      'leaf',
    );
    expect([...names]).toEqual([
      [1, 'acme'],
      [3, 'sre'],
      [7, 'sre-7'],
    ]);
  });

  it('tells apart paths that would get the same name', () => {
    const names = groupNames('acme', [
      { id: 9, path: 'c', full_path: 'acme/a-b/c' },
      { id: 4, path: 'b-c', full_path: 'acme/a/b-c' },
      { id: 5, path: 'a-b-c-9', full_path: 'acme/a-b-c-9' },
    ]);
    expect(names.get(4)).toBe('a-b-c');
    expect(names.get(5)).toBe('a-b-c-9');
    expect(names.get(9)).toBe('a-b-c-9-9');
    expect(new Set(names.values()).size).toBe(3);
  });
});
