import { mapConcurrent } from './mapConcurrent';

describe('mapConcurrent', () => {
  it('never runs more than the limit at once and runs every item', async () => {
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    await mapConcurrent([1, 2, 3, 4, 5, 6, 7], 3, async item => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise(resolve => setImmediate(resolve));
      done.push(item);
      inFlight--;
    });
    expect(most).toBe(3);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('rejects with the first error and starts nothing after it', async () => {
    const started: number[] = [];
    await expect(
      mapConcurrent([1, 2, 3, 4], 1, async item => {
        started.push(item);
        if (item === 2) throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(started).toEqual([1, 2]);
  });
});
