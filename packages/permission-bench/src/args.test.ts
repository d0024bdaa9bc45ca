import { parseBenchArgs } from './args';

describe('parseBenchArgs', () => {
  it('has the sizes of the issue by default', () => {
    expect(parseBenchArgs([])).toMatchObject({
      users: 10000,
      groups: 2000,
      roles: 50,
      batchSizes: [1, 25, 100],
      concurrency: 8,
      skipPeer: false,
      out: 'test-results/bench/permission.json',
    });
  });

  it('reads the options', () => {
    expect(
      parseBenchArgs([
        '--users',
        '500',
        '--groups',
        '50',
        '--batch-sizes',
        '1, 10',
        '--skip-peer',
      ]),
    ).toMatchObject({
      users: 500,
      groups: 50,
      batchSizes: [1, 10],
      skipPeer: true,
    });
  });

  it('rejects what it cannot use, naming the option', () => {
    expect(() => parseBenchArgs(['--users', '0'])).toThrow(/--users/);
    expect(() => parseBenchArgs(['--batch-sizes', '1,x'])).toThrow(
      /--batch-sizes/,
    );
    expect(() => parseBenchArgs(['--log-level', 'loud'])).toThrow(
      /--log-level/,
    );
    expect(() => parseBenchArgs(['--peer'])).toThrow();
  });
});
