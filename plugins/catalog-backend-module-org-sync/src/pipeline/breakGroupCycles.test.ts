import { breakGroupCycles } from './breakGroupCycles';

describe('breakGroupCycles', () => {
  it('removes the edge that closes a cycle and names the groups', () => {
    const parents = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    const problems = breakGroupCycles(['a', 'b', 'c', 'd'], parents, id => id);
    expect(problems).toHaveLength(1);
    expect(problems[0].code).toBe('group-cycle');
    expect(problems[0].message).toContain('a → b → c → a');
    expect(parents.get('c')!.has('a')).toBe(false);
    expect(parents.get('a')!.has('b')).toBe(true);
    expect(parents.get('d')!.has('a')).toBe(true);
  });

  it('leaves a tree alone, including shared ancestors', () => {
    const parents = new Map([
      ['x', new Set(['root'])],
      ['y', new Set(['root', 'x'])],
    ]);
    expect(breakGroupCycles(['root', 'x', 'y'], parents, id => id)).toEqual([]);
    expect([...parents.get('y')!]).toEqual(['root', 'x']);
  });

  it('breaks a self-loop-free two-group cycle', () => {
    const parents = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['a'])],
    ]);
    expect(breakGroupCycles(['a', 'b'], parents, id => id)).toHaveLength(1);
  });
});
