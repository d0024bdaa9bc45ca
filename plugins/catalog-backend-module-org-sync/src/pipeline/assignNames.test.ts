import { assignNames } from './assignNames';

const context = (
  previous: Record<string, string> = {},
  reserved: string[] = [],
) => ({
  kind: 'User' as const,
  previousNameByKey: new Map(Object.entries(previous)),
  reserved: new Set(reserved),
});

describe('assignNames', () => {
  it('gives two identities that want one name distinct names, deterministically, and reports it', () => {
    const candidates = [
      { id: 'ldap:b:2', keys: ['ldap:b:2'], preferred: 'J.Doe' },
      { id: 'ldap:a:1', keys: ['ldap:a:1'], preferred: 'j.doe' },
    ];
    const first = assignNames(candidates, context());
    const second = assignNames([...candidates].reverse(), context());
    expect(first.names).toEqual(second.names);
    expect(first.names.get('ldap:a:1')).toBe('j.doe');
    expect(first.names.get('ldap:b:2')).toMatch(/^j\.doe-[0-9a-f]{6}$/);
    expect(first.collisions).toEqual([
      {
        kind: 'User',
        name: 'j.doe',
        keptBy: 'ldap:a:1',
        renamed: { id: 'ldap:b:2', name: first.names.get('ldap:b:2') },
      },
    ]);
  });

  it('keeps the earlier name of an identity, even when a newcomer sorts first', () => {
    const result = assignNames(
      [
        { id: 'ldap:a:1', keys: ['ldap:a:1'], preferred: 'jdoe' },
        { id: 'ldap:a:9', keys: ['ldap:a:9'], preferred: 'jdoe' },
      ],
      context({ 'ldap:a:9': 'jdoe' }),
    );
    expect(result.names.get('ldap:a:9')).toBe('jdoe');
    expect(result.names.get('ldap:a:1')).not.toBe('jdoe');
  });

  it('keeps a name when the source name changes (stable across renames)', () => {
    const result = assignNames(
      [{ id: 'ldap:a:1', keys: ['ldap:a:1'], preferred: 'jane.smith' }],
      context({ 'ldap:a:1': 'jane.doe' }),
    );
    expect(result.names.get('ldap:a:1')).toBe('jane.doe');
  });

  it('never takes a name another provider owns', () => {
    const result = assignNames(
      [{ id: 'ldap:a:1', keys: ['ldap:a:1'], preferred: 'jdoe' }],
      context({}, ['jdoe']),
    );
    expect(result.names.get('ldap:a:1')).toMatch(/^jdoe-[0-9a-f]{6}$/);
    expect(result.collisions[0].keptBy).toBe('another provider');
  });

  it('names an identity without usable characters and reports it', () => {
    const result = assignNames(
      [{ id: 'ldap:a:1', keys: ['ldap:a:1'], preferred: '漢字' }],
      context(),
    );
    expect(result.names.get('ldap:a:1')).toMatch(/^user-[0-9a-f]{6}$/);
    expect(result.problems[0].code).toBe('unusable-name');
  });
});
