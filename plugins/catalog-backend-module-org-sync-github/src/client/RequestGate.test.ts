import { fakeClock } from '../__testUtils__/fakeGithub';
import { RequestGate } from './RequestGate';

const signal = () => new AbortController().signal;

describe('RequestGate', () => {
  it('keeps at most maxConcurrency tasks in flight', async () => {
    const gate = new RequestGate({
      maxConcurrency: 2,
      maxRequestsPerSecond: 100,
      clock: fakeClock(),
    });
    let active = 0;
    let peak = 0;
    const releases: Array<() => void> = [];
    const task = () =>
      gate.run(async () => {
        active += 1;
        peak = Math.max(peak, active);
        await new Promise<void>(resolve => releases.push(resolve));
        active -= 1;
      }, signal());
    const all = Promise.all([task(), task(), task(), task()]);
    let finished = 0;
    while (finished < 4) {
      await new Promise(resolve => setImmediate(resolve));
      const release = releases.shift();
      if (release) {
        release();
        finished += 1;
      }
    }
    await all;
    expect(peak).toBe(2);
  });

  it('spaces starts by 1 / maxRequestsPerSecond', async () => {
    const clock = fakeClock();
    const gate = new RequestGate({
      maxConcurrency: 1,
      maxRequestsPerSecond: 4,
      clock,
    });
    const starts: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      await gate.run(async () => starts.push(clock.now()), signal());
    }
    expect(starts.map(t => t - starts[0])).toEqual([0, 250, 500]);
  });

  it('holds every request until a pause ends', async () => {
    const clock = fakeClock();
    const gate = new RequestGate({
      maxConcurrency: 4,
      maxRequestsPerSecond: 100,
      clock,
    });
    const start = clock.now();
    gate.pauseUntil(start + 30_000);
    gate.pauseUntil(start + 10_000); // an earlier end does not shorten it
    const at = await gate.run(async () => clock.now(), signal());
    expect(at).toBe(start + 30_000);
  });

  it('stops waiting when the read is aborted', async () => {
    const gate = new RequestGate({
      maxConcurrency: 1,
      maxRequestsPerSecond: 100,
      clock: fakeClock(),
    });
    const controller = new AbortController();
    let release!: () => void;
    const first = gate.run(
      () => new Promise<void>(resolve => (release = resolve)),
      signal(),
    );
    const second = gate.run(async () => 'ran', controller.signal);
    controller.abort(new Error('run timed out'));
    await expect(second).rejects.toThrow('run timed out');
    release();
    await first;
    await expect(gate.run(async () => 'next', signal())).resolves.toBe('next');
  });
});
