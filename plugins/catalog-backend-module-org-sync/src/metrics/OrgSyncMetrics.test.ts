import type { MetricsService } from '@backstage/backend-plugin-api/alpha';
import type { RunReport } from '../provider/runReport';
import { OrgSyncMetrics } from './OrgSyncMetrics';

function fakeMetrics() {
  const recorded: Array<{ name: string; value: number; attributes: unknown }> =
    [];
  const callbacks: Array<
    (result: { observe: (v: number, a?: unknown) => void }) => void
  > = [];
  const instrument = (name: string) => ({
    add: (value: number, attributes?: unknown) =>
      recorded.push({ name, value, attributes }),
    record: (value: number, attributes?: unknown) =>
      recorded.push({ name, value, attributes }),
    addCallback: (cb: any) => callbacks.push(cb),
    removeCallback: () => {},
  });
  const service = {
    createCounter: instrument,
    createHistogram: instrument,
    createObservableGauge: instrument,
  } as unknown as MetricsService;
  return { service, recorded, callbacks };
}

const report = (outcome: RunReport['outcome']): RunReport =>
  ({
    providerId: 'corp',
    outcome,
    durationMs: 1500,
    finishedAt: '2026-11-26T12:00:00.000Z',
    counts: {
      read: { users: 20, groups: 3 },
      added: 2,
      updated: 1,
      removed: 0,
      refused: 4,
      problems: { errors: 1, warnings: 2 },
    },
  } as RunReport);

describe('OrgSyncMetrics', () => {
  it('records runs, changes and the last success per provider', () => {
    const { service, recorded, callbacks } = fakeMetrics();
    const metrics = new OrgSyncMetrics(service);
    metrics.recordRun(report('committed-without-removals'));

    expect(recorded).toEqual(
      expect.arrayContaining([
        {
          name: 'catalog.org_sync.runs',
          value: 1,
          attributes: {
            provider: 'corp',
            outcome: 'committed-without-removals',
          },
        },
        {
          name: 'catalog.org_sync.run.duration',
          value: 1.5,
          attributes: {
            provider: 'corp',
            outcome: 'committed-without-removals',
          },
        },
        {
          name: 'catalog.org_sync.entities.changed',
          value: 4,
          attributes: { provider: 'corp', change: 'refused' },
        },
        {
          name: 'catalog.org_sync.entities.read',
          value: 20,
          attributes: { provider: 'corp', kind: 'user' },
        },
        {
          name: 'catalog.org_sync.problems',
          value: 1,
          attributes: { provider: 'corp', severity: 'error' },
        },
      ]),
    );
    const observed: unknown[] = [];
    callbacks[0]({
      observe: (value, attributes) => observed.push({ value, attributes }),
    });
    expect(observed).toEqual([
      {
        value: Date.parse('2026-11-26T12:00:00.000Z') / 1000,
        attributes: { provider: 'corp' },
      },
    ]);
  });

  it('does not move the last success on a refused run', () => {
    const { service, callbacks } = fakeMetrics();
    new OrgSyncMetrics(service).recordRun(report('refused'));
    const observed: unknown[] = [];
    callbacks[0]({ observe: value => observed.push(value) });
    expect(observed).toEqual([]);
  });
});
