import { group, orgEntities, user } from '../__testUtils__/fixtures';
import { OrgGraph } from './OrgGraph';

describe('OrgGraph', () => {
  it('finds every ancestor group of a user with the shortest path', () => {
    const graph = OrgGraph.fromEntities([
      ...orgEntities.filter(e => e.metadata.name !== 'lnowak'),
      // lnowak is also directly in platform-team: the direct path wins.
      user('lnowak', ['sre-oncall', 'platform-team']),
    ]);
    expect(graph.membershipsOf('user:default/lnowak')).toEqual([
      {
        ref: 'group:default/sre-oncall',
        direct: true,
        path: ['user:default/lnowak', 'group:default/sre-oncall'],
      },
      {
        ref: 'group:default/platform-team',
        direct: true,
        path: ['user:default/lnowak', 'group:default/platform-team'],
      },
      {
        ref: 'group:default/sre',
        direct: false,
        path: [
          'user:default/lnowak',
          'group:default/sre-oncall',
          'group:default/sre',
        ],
      },
      {
        ref: 'group:default/engineering',
        direct: false,
        path: [
          'user:default/lnowak',
          'group:default/platform-team',
          'group:default/engineering',
        ],
      },
    ]);
  });

  it('tolerates parent cycles and keeps every group of the cycle', () => {
    const graph = OrgGraph.fromEntities([
      group('a', 'c'),
      group('b', 'a'),
      group('c', 'b'),
      user('u', ['a']),
    ]);
    expect(graph.membershipsOf('user:default/u').map(m => m.ref)).toEqual([
      'group:default/a',
      'group:default/c',
      'group:default/b',
    ]);
  });

  it('reads memberships from catalog relations as well as from the spec', () => {
    const graph = OrgGraph.fromEntities([
      group('platform-team'),
      {
        ...user('alice', []),
        relations: [
          { type: 'memberOf', targetRef: 'group:default/platform-team' },
        ],
      },
    ]);
    expect(graph.membershipsOf('user:default/alice').map(m => m.ref)).toEqual([
      'group:default/platform-team',
    ]);
  });

  it('round-trips through a snapshot', () => {
    const graph = OrgGraph.fromEntities(orgEntities, {
      loadedAt: new Date('2026-11-26T10:00:00Z'),
    });
    const copy = OrgGraph.fromSnapshot(
      JSON.parse(JSON.stringify(graph.toSnapshot())),
    );
    expect(copy.loadedAt.toISOString()).toBe('2026-11-26T10:00:00.000Z');
    expect(copy.membershipsOf('user:default/lnowak')).toEqual(
      graph.membershipsOf('user:default/lnowak'),
    );
    expect(() => OrgGraph.fromSnapshot({ kind: 'other' } as any)).toThrow(
      'not an org snapshot',
    );
  });
});
