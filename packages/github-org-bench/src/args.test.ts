import { orgAt, parseArgs } from './args';

describe('parseArgs', () => {
  it('defaults to the full org, 50 ms latency and upstream at the same scale', () => {
    expect(parseArgs([])).toEqual({
      scale: 1,
      upstreamScale: 1,
      latencyMs: 50,
      skipUpstream: false,
      out: 'test-results/bench/github-org.json',
    });
  });

  it('takes a smaller scale for upstream only', () => {
    expect(
      parseArgs(['--upstream-scale', '0.1', '--latency', '20']),
    ).toMatchObject({ scale: 1, upstreamScale: 0.1, latencyMs: 20 });
    expect(parseArgs(['--scale', '0.5'])).toMatchObject({
      scale: 0.5,
      upstreamScale: 0.5,
    });
  });

  it('refuses bad values and unknown options', () => {
    expect(() => parseArgs(['--scale', '2'])).toThrow(
      '--scale must be "full" or a number in (0, 1]',
    );
    expect(() => parseArgs(['--fast'])).toThrow('unknown option --fast');
  });
});

describe('orgAt', () => {
  it('scales members, teams and big teams but keeps big teams at 300', () => {
    expect(orgAt(1)).toEqual({
      members: 14000,
      teams: 1000,
      bigTeams: 100,
      bigTeamSize: 300,
    });
    expect(orgAt(0.1)).toEqual({
      members: 1400,
      teams: 100,
      bigTeams: 10,
      bigTeamSize: 300,
    });
  });
});
