import {
  LDIF_LINE_WIDTH,
  foldLdifLine,
  isSafeLdifValue,
  ldifEntry,
  ldifLine,
} from './ldifLines';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('isSafeLdifValue', () => {
  it.each([
    ['plain ASCII', 'Hoffmann'],
    ['inner spaces and colons', 'a b: c'],
    ['a comma', 'Smith, Jane'],
    ['empty', ''],
    ['a tab', 'a\tb'],
  ])('accepts %s', (_, value) => {
    expect(isSafeLdifValue(value)).toBe(true);
  });

  it.each([
    ['non-ASCII', 'Zoë'],
    ['CJK', '李伟'],
    ['a leading space', ' x'],
    ['a leading colon', ':x'],
    ['a leading <', '<file'],
    ['a trailing space', 'x '],
    ['a line feed', 'a\nb'],
    ['a carriage return', 'a\rb'],
    ['NUL', 'a\0b'],
  ])('rejects %s', (_, value) => {
    expect(isSafeLdifValue(value)).toBe(false);
  });
});

describe('ldifLine', () => {
  it('writes safe values as they are', () => {
    expect(ldifLine('cn', 'Smith, Jane')).toBe('cn: Smith, Jane');
  });

  it('writes unsafe values as base64 of their UTF-8 bytes', () => {
    expect(ldifLine('cn', 'Zoë Hoffmann')).toBe(
      `cn:: ${base64('Zoë Hoffmann')}`,
    );
    expect(ldifLine('sn', ' padded ')).toBe(`sn:: ${base64(' padded ')}`);
  });
});

describe('foldLdifLine', () => {
  it('leaves lines of up to 76 characters alone', () => {
    const line = `description: ${'x'.repeat(LDIF_LINE_WIDTH - 13)}`;
    expect(line).toHaveLength(LDIF_LINE_WIDTH);
    expect(foldLdifLine(line)).toBe(line);
  });

  it('folds longer lines into 76-character lines that unfold to the original', () => {
    const line = `description: ${'0123456789'.repeat(30)}`;
    const folded = foldLdifLine(line);
    const lines = folded.split('\n');

    expect(lines.length).toBeGreaterThan(1);
    lines.forEach(part => expect(part.length).toBeLessThanOrEqual(76));
    lines.slice(1).forEach(part => expect(part.startsWith(' ')).toBe(true));
    expect(lines[0]).toHaveLength(76);
    expect(folded.replace(/\n /g, '')).toBe(line);
  });

  it('folds long base64 values from ldifLine too', () => {
    const value = 'Ørjan '.repeat(40);
    const folded = ldifLine('description', value);
    expect(folded.split('\n').every(part => part.length <= 76)).toBe(true);
    const unfolded = folded.replace(/\n /g, '');
    expect(
      Buffer.from(unfolded.slice('description:: '.length), 'base64').toString(
        'utf8',
      ),
    ).toBe(value);
  });
});

describe('ldifEntry', () => {
  it('writes the dn first, then every value of every attribute in order', () => {
    expect(
      ldifEntry('cn=x,dc=example,dc=com', [
        ['objectClass', 'top', 'groupOfNames'],
        ['cn', 'x'],
      ]),
    ).toBe(
      [
        'dn: cn=x,dc=example,dc=com',
        'objectClass: top',
        'objectClass: groupOfNames',
        'cn: x',
      ].join('\n'),
    );
  });

  it('base64-encodes a non-ASCII dn', () => {
    expect(ldifEntry('cn=Zoë,dc=example,dc=com', [])).toBe(
      `dn:: ${base64('cn=Zoë,dc=example,dc=com')}`,
    );
  });
});
