import { AttributePlan, parseRange, textsOf } from './attributePlan';

describe('parseRange', () => {
  it.each([
    ['member;range=0-1499', { next: 1500 }],
    ['Member;Range=1500-2999', { next: 3000 }],
    ['member;range=3000-*', {}],
    ['member', undefined],
    ['member;range=0', undefined],
    ['member;range=0-x', undefined],
  ])('reads %j', (type, expected) => {
    expect(parseRange(type)).toEqual(expected);
  });
});

describe('AttributePlan', () => {
  it('requests each attribute once and finds them in any case', () => {
    const plan = new AttributePlan([
      'uid',
      'mail',
      undefined,
      'MAIL',
      'memberOf',
    ]);
    expect(plan.requested).toEqual(['uid', 'mail', 'memberOf']);
    const values = plan.read({
      dn: 'uid=a,dc=x',
      UID: 'a',
      mail: ['a@x', 'b@x'],
      memberof: ['cn=g1', 'cn=g2'],
      notRequested: 'x',
    });
    expect(plan.text(values, plan.slot('uid'))).toBe('a');
    expect(plan.text(values, plan.slot('Mail'))).toBe('a@x');
    expect(plan.texts(values, plan.slot('memberOf'))).toEqual([
      'cn=g1',
      'cn=g2',
    ]);
    expect(plan.slot('cn')).toBe(-1);
    expect(plan.text(values, -1)).toBeUndefined();
  });

  it('treats empty values as absent', () => {
    const plan = new AttributePlan(['mail']);
    expect(plan.text(plan.read({ dn: 'x', mail: [] }), 0)).toBeUndefined();
    expect(plan.text(plan.read({ dn: 'x', mail: '' }), 0)).toBeUndefined();
  });

  it('reads binary GUIDs and SIDs and asks for them as buffers', () => {
    const plan = new AttributePlan([
      'objectGUID',
      'objectSid',
      'sAMAccountName',
    ]);
    expect(plan.binary).toEqual(
      expect.arrayContaining(['objectGUID', 'objectSid']),
    );
    const bytes = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
    const values = plan.read({ dn: 'x', objectGUID: bytes });
    expect(plan.text(values, 0)).toBe('33221100-5544-7766-8899-aabbccddeeff');
  });

  it('merges a ranged member attribute into the member slot', () => {
    const plan = new AttributePlan(['cn', 'member'], 'member');
    const values = plan.read({
      dn: 'cn=big',
      cn: 'big',
      member: [],
      'Member;Range=0-1499': ['cn=a', 'cn=b'],
    });
    expect(plan.texts(values, plan.slot('member'))).toEqual(['cn=a', 'cn=b']);
    expect(values.range).toEqual({ next: 1500 });
    expect(plan.read({ dn: 'cn=small', member: 'cn=a' }).range).toBeUndefined();
  });
});

describe('textsOf', () => {
  it('turns every shape into strings', () => {
    expect(textsOf(undefined)).toEqual([]);
    expect(textsOf('a')).toEqual(['a']);
    expect(textsOf(Buffer.from('b'))).toEqual(['b']);
    expect(textsOf(['c', Buffer.from('d')] as any)).toEqual(['c', 'd']);
  });
});
