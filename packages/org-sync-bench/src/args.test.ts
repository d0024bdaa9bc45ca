import { parseBenchArgs, roundOrder } from './args';

describe('parseBenchArgs', () => {
  it('has the defaults of the issue', () => {
    expect(parseBenchArgs([])).toMatchObject({
      people: 20000,
      groups: 2000,
      runs: 3,
      warmup: 1,
      pageSize: 500,
      out: 'test-results/bench/org-sync.json',
      only: [
        'floor',
        'floor-all-attrs',
        'floor-ldapts',
        'upstream',
        'upstream-backend',
        'ours',
      ],
    });
  });

  it('reads the options', () => {
    expect(
      parseBenchArgs([
        '--people',
        '200',
        '--groups',
        '20',
        '--runs',
        '5',
        '--only',
        'floor,ours',
        '--out',
        '/tmp/x.json',
      ]),
    ).toMatchObject({
      people: 200,
      groups: 20,
      runs: 5,
      only: ['floor', 'ours'],
      out: '/tmp/x.json',
    });
  });

  it('rejects bad values with a readable message', () => {
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow(
      '--runs must be at least 1',
    );
    expect(() => parseBenchArgs(['--people', 'many'])).toThrow(
      '--people must be a non-negative integer, got "many"',
    );
    expect(() => parseBenchArgs(['--only', 'floor,nope'])).toThrow(
      'unknown contender "nope"',
    );
    expect(() => parseBenchArgs(['--nope'])).toThrow();
  });
});

describe('roundOrder', () => {
  it('rotates the contenders by one per round', () => {
    expect(roundOrder(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c']);
    expect(roundOrder(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a']);
    expect(roundOrder(['a', 'b', 'c'], 4)).toEqual(['b', 'c', 'a']);
    expect(roundOrder([], 2)).toEqual([]);
  });
});
