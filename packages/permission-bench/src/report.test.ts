import { parseBenchArgs } from './args';
import { findPermission } from './permissions';
import {
  BatchResult,
  BenchReport,
  compareDecisions,
  computeRatios,
  ContenderHttp,
  evaluateTargets,
  formatReport,
  formatTable,
} from './report';

const batch = (batchSize: number, requestsPerS: number): BatchResult => ({
  batchSize,
  requests: 100,
  elapsedS: 1,
  requestsPerS,
  decisionsPerS: requestsPerS * batchSize,
  errors: 0,
  results: {},
});

function reportWith(http: ContenderHttp[], warmP99?: number): BenchReport {
  return {
    options: parseBenchArgs(['--batch-sizes', '1,100']),
    handle:
      warmP99 === undefined
        ? { ok: false, error: 'x' }
        : ({
            ok: true,
            graphBuildMs: 80,
            graph: { users: 10, groups: 2 },
            warm: {
              count: 5,
              mean: 0.01,
              p50: 0.01,
              p90: 0.02,
              p99: warmP99,
              max: 1,
            },
            warmDecisionsPerS: 500000,
            results: { ALLOW: 5 },
            verify: [],
            heapUsedMB: 10,
          } as BenchReport['handle']),
    http,
  } as BenchReport;
}

describe('evaluateTargets', () => {
  it('compares ours with allow-all and with the RHDH peer per batch size', () => {
    const targets = evaluateTargets(
      reportWith(
        [
          {
            contender: 'allow-all',
            available: true,
            batches: [batch(1, 1000), batch(100, 300)],
          },
          {
            contender: 'ours',
            available: true,
            batches: [batch(1, 900), batch(100, 200)],
          },
          {
            contender: 'rhdh',
            available: true,
            batches: [batch(1, 10), batch(100, 1)],
          },
        ],
        0.05,
      ),
    );
    expect(targets.map(t => [t.actual, t.verdict])).toEqual([
      [0.05, 'pass'],
      [1000 / 900, 'pass'],
      [1.5, 'FAIL'],
      [90, 'FAIL'],
      [200, 'pass'],
    ]);
  });

  it('says n/a for what was not measured', () => {
    const targets = evaluateTargets(
      reportWith([
        { contender: 'rhdh', available: false, reason: 'skipped', batches: [] },
      ]),
    );
    expect(targets.every(t => t.verdict === 'n/a')).toBe(true);
  });
});

describe('compareDecisions', () => {
  const ask = (user: string, name: string) => ({
    user,
    items: [{ id: '0', permission: findPermission(name) }],
  });
  const questions = [
    ask('user:default/a', 'catalog.location.create'),
    ask('user:default/b', 'catalog.location.create'),
    ask('user:default/c', 'kubernetes.proxy'),
  ];

  it('counts agreements and keeps examples of each kind', () => {
    const comparison = compareDecisions(
      questions,
      ['ALLOW', 'DENY', 'ALLOW'],
      [
        {
          contender: 'ours',
          available: true,
          batches: [],
          verify: ['ALLOW', 'DENY', 'ALLOW'],
        },
        {
          contender: 'rhdh',
          available: true,
          batches: [],
          verify: ['ALLOW', 'DENY', 'DENY'],
        },
      ],
    );
    expect(comparison.oursHttpAgrees).toBe(3);
    expect(comparison.rhdh).toEqual({
      agree: 2,
      disagree: 1,
      oursAllowRhdhDeny: 1,
      oursDenyRhdhAllow: 0,
      allowExample: {
        user: 'user:default/a',
        permission: 'catalog.location.create',
      },
      denyExample: {
        user: 'user:default/b',
        permission: 'catalog.location.create',
      },
      disagreements: [
        {
          user: 'user:default/c',
          permission: 'kubernetes.proxy',
          ours: 'ALLOW',
          other: 'DENY',
        },
      ],
    });
  });
});

describe('formatTable', () => {
  it('aligns numbers right and text left; a short row runs on', () => {
    expect(
      formatTable(
        ['name', 'n'],
        [['a', '1.5'], ['bb', '100'], ['c: not available: a long reason']],
      ).split('\n'),
    ).toEqual([
      'name    n',
      '----  ---',
      'a     1.5',
      'bb    100',
      'c: not available: a long reason',
    ]);
  });
});

describe('formatReport', () => {
  it('shows every contender, the ratios and the verdicts', () => {
    const report = reportWith(
      [
        {
          contender: 'allow-all',
          available: true,
          batches: [batch(1, 1000), batch(100, 300)],
        },
        {
          contender: 'ours',
          available: true,
          batches: [batch(1, 900), batch(100, 200)],
        },
        {
          contender: 'rhdh',
          available: false,
          reason: 'skipped (--skip-peer)',
          batches: [],
        },
      ],
      0.05,
    );
    report.org = {
      users: 10,
      groups: 2,
      depth: 2,
      groupsPerDepth: [1, 1],
      roles: 3,
      bindings: 3,
      rules: 4,
      rhdhCsvLines: 9,
      rhdhConditionalRulesLeftOut: 1,
    };
    report.comparison = { questions: 0 };
    report.ratios = computeRatios(report);
    report.targets = evaluateTargets(report);
    const text = formatReport(report);
    expect(text).toContain('rhdh       not available: skipped (--skip-peer)');
    expect(text).toMatch(/\n\s+100\s+1\.50\s/);
    expect(text).toMatch(
      /ours decisions\/s ÷ rbac-backend decisions\/s\s+≥ 100\s+–\s+n\/a/,
    );
    expect(text).toMatch(
      /handle\(\) p99 warm, in process \(ms\)\s+≤ 0\.1\s+0\.0500\s+pass/,
    );
  });
});
