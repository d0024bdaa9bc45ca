import {
  ContenderInfo,
  RunResult,
  evaluateTargets,
  formatPhases,
  formatSummaryTable,
  formatTable,
  formatTargets,
  summarize,
} from './report';

const contenders: ContenderInfo[] = [
  { contender: 'floor', description: 'ldapsearch', available: true },
  { contender: 'upstream', description: 'upstream', available: true },
  { contender: 'ours', description: 'ours', available: true },
];

function run(
  contender: string,
  round: number,
  wallMs: number,
  peakRssMB: number,
  extra: Partial<RunResult> = {},
): RunResult {
  return {
    contender,
    round,
    ok: true,
    wallMs,
    peakRssMB,
    users: 100,
    groups: 10,
    ...extra,
  };
}

const runs: RunResult[] = [
  run('floor', 0, 9000, 99), // warm-up: ignored
  run('floor', 1, 1000, 10),
  run('floor', 2, 3000, 12),
  run('floor', 3, 2000, 11),
  run('upstream', 1, 10000, 500, { baseRssMB: 100, phases: { read: 9000 } }),
  run('upstream', 2, 12000, 520, { baseRssMB: 100, phases: { read: 11000 } }),
  run('upstream', 3, 11000, 510, { baseRssMB: 100, phases: { read: 10000 } }),
  run('ours', 1, 2500, 200, { baseRssMB: 150, totalMs: 4000 }),
  run('ours', 2, 3000, 240, { baseRssMB: 150, totalMs: 4500 }),
  run('ours', 3, 2000, 220, { baseRssMB: 150, totalMs: 3500 }),
];

describe('summarize', () => {
  const summaries = summarize(contenders, runs);
  const by = (name: string) => summaries.find(s => s.contender === name)!;

  it('takes medians and minimums of the timed rounds only', () => {
    expect(by('floor').wallMedianS).toBe(2);
    expect(by('floor').wallMinS).toBe(1);
    expect(by('floor').peakRssMB).toBe(11);
    expect(by('floor').okRuns).toBe(3);
  });

  it('computes ratios against the floor and upstream', () => {
    const ours = by('ours');
    expect(ours.wallMedianS).toBe(2.5);
    expect(ours.timeVsFloor).toBeCloseTo(1.25);
    expect(ours.timeVsUpstream).toBeCloseTo(2.5 / 11);
    expect(ours.rssVsUpstream).toBeCloseTo(220 / 510);
    expect(ours.rssGrowthMB).toBe(70);
    expect(ours.rssGrowthVsUpstream).toBeCloseTo(70 / 410);
    expect(ours.totalMedianS).toBe(4);
  });

  it('keeps phase medians in seconds', () => {
    expect(by('upstream').phaseMediansS).toEqual({ read: 10 });
  });

  it('flags counts that differ between runs', () => {
    const varying = summarize(contenders, [
      run('floor', 1, 1000, 10),
      run('floor', 2, 1000, 10, { users: 99 }),
    ]);
    expect(varying[0].countsVary).toBe(true);
    expect(by('floor').countsVary).toBe(false);
  });

  it('marks a contender whose every run failed as not available', () => {
    const [floor] = summarize(contenders.slice(0, 1), [
      { contender: 'floor', round: 1, ok: false, error: 'boom' },
    ]);
    expect(floor.available).toBe(false);
    expect(floor.reason).toBe('every run failed: boom');
    expect(floor.failedRuns).toBe(1);
  });
});

describe('evaluateTargets', () => {
  it('passes and fails each target of the issue', () => {
    const targets = evaluateTargets(summarize(contenders, runs));
    expect(targets.map(t => [t.limit, t.verdict])).toEqual([
      [1.5, 'pass'],
      [0.5, 'pass'],
      [0.5, 'pass'],
    ]);
    const slow = evaluateTargets(
      summarize(contenders, [
        run('floor', 1, 1000, 10),
        run('upstream', 1, 4000, 100),
        run('ours', 1, 3000, 80),
      ]),
    );
    expect(slow.map(t => t.verdict)).toEqual(['FAIL', 'FAIL', 'FAIL']);
  });

  it('is n/a without ours', () => {
    const targets = evaluateTargets(
      summarize(
        [
          ...contenders.slice(0, 2),
          {
            contender: 'ours',
            description: 'ours',
            available: false,
            reason: 'not built yet',
          },
        ],
        runs.filter(r => r.contender !== 'ours'),
      ),
    );
    expect(targets.map(t => t.verdict)).toEqual(['n/a', 'n/a', 'n/a']);
  });
});

describe('evaluateTargets with upstream-backend', () => {
  it('adds an informational RSS comparison', () => {
    const targets = evaluateTargets(
      summarize(
        [
          ...contenders,
          {
            contender: 'upstream-backend',
            description: 'upstream in a backend',
            available: true,
          },
        ],
        [...runs, run('upstream-backend', 1, 11000, 600)],
      ),
    );
    expect(targets).toHaveLength(4);
    expect(targets[3]).toMatchObject({
      name: '(info) ours peak RSS ≤ 0.5 × upstream-backend peak RSS',
      verdict: 'pass',
    });
    expect(targets[3].actual).toBeCloseTo(220 / 600);
  });
});

describe('formatTable', () => {
  it('aligns text left and numbers right', () => {
    expect(
      formatTable(
        ['name', 'value'],
        [
          ['a', '1.50'],
          ['longer', '10.25'],
        ],
      ),
    ).toBe(
      ['name    value', '------  -----', 'a        1.50', 'longer  10.25'].join(
        '\n',
      ),
    );
  });

  it('lets a short row run on without widening the columns', () => {
    expect(
      formatTable(
        ['name', 'a', 'b'],
        [
          ['x', '1', '2'],
          ['y', 'not available: a long reason'],
        ],
      ),
    ).toBe(
      [
        'name  a  b',
        '----  -  -',
        'x     1  2',
        'y     not available: a long reason',
      ].join('\n'),
    );
  });
});

describe('formatSummaryTable', () => {
  it('shows every contender, with a reason for an unavailable one', () => {
    const text = formatSummaryTable(
      summarize(
        [
          ...contenders.slice(0, 2),
          {
            contender: 'ours',
            description: 'ours',
            available: false,
            reason: 'plugins/x/src/index.ts missing',
          },
        ],
        runs,
      ),
    );
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^contender\s+wall median \(s\)\s+min \(s\)/);
    expect(lines[2]).toMatch(
      /^floor\s+2\.00\s+1\.00\s+–\s+11\s+–\s+–\s+100\s+10\s+1\.00×\s+0\.18×\s+0\.02×\s+–\s+3$/,
    );
    expect(lines[3]).toMatch(/^upstream\s+11\.00\s+10\.00\s/);
    expect(lines[4]).toBe(
      'ours       not available: plugins/x/src/index.ts missing',
    );
  });

  it('formats targets and phases', () => {
    const summaries = summarize(contenders, runs);
    expect(formatTargets(evaluateTargets(summaries))).toContain(
      'ours time ≤ 1.5 × floor time              1.25×  pass',
    );
    expect(formatPhases(summaries)).toBe('upstream: read 10.00s');
  });
});
