import { ldifLine } from './ldifValue';

describe('ldifLine', () => {
  it('keeps safe values verbatim', () => {
    expect(ldifLine('cn', 'Alice Archer')).toBe('cn: Alice Archer');
  });

  it.each([
    ['Zoë'],
    [' leading space'],
    ['trailing space '],
    [':colon'],
    ['<angle'],
    ['two\nlines'],
  ])('base64-encodes %j', value => {
    expect(ldifLine('cn', value)).toBe(
      `cn:: ${Buffer.from(value).toString('base64')}`,
    );
  });
});
