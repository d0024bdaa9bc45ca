import { parseBenchArgs } from './args';

describe('parseBenchArgs', () => {
  it('defaults to the scale the issue asks for', () => {
    expect(parseBenchArgs([])).toEqual({
      users: 60000,
      groups: 3000,
      seed: 1,
      latencyMs: 0,
      concurrency: 8,
      out: 'test-results/bench/gitlab-org.json',
      help: false,
    });
  });

  it('takes every option and refuses bad ones', () => {
    expect(
      parseBenchArgs([
        '--users',
        '500',
        '--groups',
        '20',
        '--latency-ms',
        '0',
        '--out',
        'x.json',
      ]),
    ).toMatchObject({ users: 500, groups: 20, latencyMs: 0, out: 'x.json' });
    expect(() => parseBenchArgs(['--users', '-1'])).toThrow(
      '--users needs a whole number of at least 1',
    );
    expect(() => parseBenchArgs(['--fast'])).toThrow('unknown argument --fast');
  });
});
