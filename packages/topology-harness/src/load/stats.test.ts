import { LatencyRecorder } from './stats';

describe('LatencyRecorder', () => {
  it('gives nearest-rank percentiles and counts errors apart', () => {
    const recorder = new LatencyRecorder();
    for (let ms = 1; ms <= 100; ms++) recorder.record(ms);
    recorder.errors = 2;
    expect(recorder.percentile(50)).toBe(50);
    expect(recorder.percentile(99)).toBe(99);
    expect(recorder.percentile(100)).toBe(100);
    expect(recorder.summary(10)).toEqual({
      requests: 102,
      ok: 100,
      errors: 2,
      perSecond: 10.2,
      p50Ms: 50,
      p99Ms: 99,
    });
  });

  it('answers 0 without samples', () => {
    expect(new LatencyRecorder().percentile(99)).toBe(0);
  });
});
