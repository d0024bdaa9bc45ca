import { describeVia, formatAge, formatPath, shortRef } from './format';

describe('format', () => {
  it('shortens entity refs in the default namespace and keeps others recognisable', () => {
    expect(shortRef('group:default/platform-team')).toBe('platform-team');
    expect(shortRef('group:ops/sre')).toBe('ops/sre');
    expect(shortRef('service:plugin:search')).toBe('service:plugin:search');
  });

  it('writes a membership path from the user to the group', () => {
    expect(
      formatPath([
        'user:default/lnowak',
        'group:default/sre',
        'group:default/platform-team',
      ]),
    ).toBe('lnowak → sre → platform-team');
  });

  it('says how a role was obtained', () => {
    expect(
      describeVia({
        kind: 'binding',
        member: 'group:default/engineering',
        path: [
          'user:default/alice',
          'group:default/platform-team',
          'group:default/engineering',
        ],
      }),
    ).toBe('binding to engineering (alice → platform-team → engineering)');
    expect(
      describeVia({
        kind: 'binding',
        member: 'user:default/alice',
        path: ['user:default/alice'],
      }),
    ).toBe('bound to alice directly');
    expect(
      describeVia({
        kind: 'annotation',
        member: 'group:default/sre',
        path: ['user:default/olie', 'group:default/sre'],
      }),
    ).toBe('catalog annotation on sre (olie → sre)');
    expect(describeVia({ kind: 'default', path: [] })).toBe(
      'default role of every signed-in user',
    );
  });

  it('writes the graph age in words', () => {
    expect(formatAge(2)).toBe('just now');
    expect(formatAge(42)).toBe('42 seconds ago');
    expect(formatAge(60)).toBe('1 minute ago');
    expect(formatAge(185)).toBe('3 minutes ago');
    expect(formatAge(7300)).toBe('2 hours ago');
  });
});
